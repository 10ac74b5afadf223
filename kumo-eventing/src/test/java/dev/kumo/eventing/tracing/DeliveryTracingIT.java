package dev.kumo.eventing.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.OneTriggerMesh;
import dev.kumo.eventing.RecordingSubscriber;
import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerSpec;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A traced mesh: every attempt of a failing delivery is a span under the Trigger's, then the dead-letter hop. */
class DeliveryTracingIT {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path dir;

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private OneTriggerMesh fixture;

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        sdk.close();
    }

    @Test
    void retriesAreAttemptSpansUnderTheTriggersAndTheDeadLetterHopFollows() throws Exception {
        fixture = OneTriggerMesh.start(MeshConfig.defaults(dir.resolve("events.db")).withOpenTelemetry(sdk));
        fixture.subscriber().answer(received -> RecordingSubscriber.Answer.status(503));
        try (RecordingSubscriber sink = RecordingSubscriber.start(fixture.vertx())) {
            fixture.mesh().upsertTrigger(new TriggerSpec(OneTriggerMesh.TRIGGER, "b", event -> true,
                    fixture.subscriber().uri(), DeliverySpec.NONE.withRetry(2)
                            .withBackoff(BackoffPolicy.LINEAR, Duration.ofMillis(10))
                            .withDeadLetterSink(sink.uri())));

            assertThat(fixture.ingress().post(OneTriggerMesh.PATH, Map.of("ce-specversion", "1.0", "ce-id", "e-1",
                    "ce-type", "t", "ce-source", "/s", "traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01"), "x")
                    .statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().size() == 1);
            List<SpanData> spans = await().atMost(Duration.ofSeconds(10)).until(exported::getFinishedSpanItems,
                    items -> items.stream().anyMatch(s -> s.getName().equals("trigger-filter")));
            SpanData trigger = named(spans, "trigger-filter").getFirst();
            assertThat(spans).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(TRACE));
            assertThat(trigger.getParentSpanId()).isEqualTo(named(spans, "broker-ingress").getFirst().getSpanId());
            assertThat(trigger.getAttributes().get(AttributeKey.stringKey("kumo.delivery.outcome")))
                    .isEqualTo("dead-lettered");
            List<SpanData> attempts = named(spans, "delivery");
            assertThat(attempts).extracting(s -> s.getAttributes().get(AttributeKey.longKey("kumo.delivery.attempt")))
                    .containsExactly(1L, 2L, 3L);
            assertThat(attempts).allSatisfy(attempt -> {
                assertThat(attempt.getParentSpanId()).isEqualTo(trigger.getSpanId());
                assertThat(attempt.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                        .isEqualTo(503L);
                assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            });
            SpanData deadLetter = named(spans, "dead-letter").getFirst();
            assertThat(deadLetter.getParentSpanId()).isEqualTo(trigger.getSpanId());
            assertThat(deadLetter.getAttributes().get(AttributeKey.stringKey("url.full")))
                    .isEqualTo(sink.uri().toString());
            // Each attempt carried its own span as the W3C parent; so did the dead letter.
            assertThat(fixture.subscriber().received()).extracting(r -> r.headers().get("traceparent"))
                    .containsExactlyElementsOf(attempts.stream().map(a -> "00-" + TRACE + "-" + a.getSpanId() + "-01")
                            .toList());
            assertThat(sink.received().getFirst().headers().get("traceparent"))
                    .isEqualTo("00-" + TRACE + "-" + deadLetter.getSpanId() + "-01");
        }
    }

    private static List<SpanData> named(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos())).toList();
    }
}
