package dev.kumo.eventing.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.TriggerRef;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.MultiMap;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final BrokerRef BROKER = new BrokerRef("default", "orders");

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final EventTracing tracing = EventTracing.of(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void theIngressContinuesTheRequestsTraceparentBeforeTheEventsOwn() {
        CloudEvent event = event("e-1").withExtension("traceparent", "00-" + OTHER_TRACE + "-b7ad6b7169203331-01")
                .build();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01");

        tracing.ingress(BROKER, "POST", "/default/orders", headers, event).end();

        SpanData span = exported.getFinishedSpanItems().getFirst();
        assertThat(span.getName()).isEqualTo("broker-ingress");
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getTraceId()).isEqualTo(TRACE);
        assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo("default/orders");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("cloudevents.event_id"))).isEqualTo("e-1");
    }

    @Test
    void withoutAHeaderTheIngressContinuesTheEventsTraceparentExtension() {
        CloudEvent event = event("e-2").withExtension("traceparent", "00-" + OTHER_TRACE + "-b7ad6b7169203331-01")
                .build();

        tracing.ingress(new ChannelRef("default", "ch").stream(), "POST", "/channels/default/ch",
                MultiMap.caseInsensitiveMultiMap(), event).end();

        SpanData span = exported.getFinishedSpanItems().getFirst();
        assertThat(span.getName()).isEqualTo("channel-ingress");
        assertThat(span.getTraceId()).isEqualTo(OTHER_TRACE);
        assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    }

    @Test
    void anEventCarriesItsSpansContextAndTheFilterSpanIsItsChild() {
        Span ingress = tracing.ingress(BROKER, "POST", "/default/orders", MultiMap.caseInsensitiveMultiMap(),
                event("e-3").build());
        CloudEvent carried = tracing.carrying(event("e-3").withExtension("tracestate", "old=1").build(), ingress);
        ingress.end();

        assertThat(carried.getExtension("traceparent")).isEqualTo("00-" + ingress.getSpanContext().getTraceId() + "-"
                + ingress.getSpanContext().getSpanId() + "-" + ingress.getSpanContext().getTraceFlags().asHex());
        assertThat(carried.getExtension("tracestate")).as("the span's (empty) state replaces the old").isNull();
        tracing.filter(new TriggerRef("default", "t"), BROKER, carried).end();
        SpanData filter = exported.getFinishedSpanItems().get(1);
        assertThat(filter.getName()).isEqualTo("trigger-filter");
        assertThat(filter.getParentSpanId()).isEqualTo(ingress.getSpanContext().getSpanId());
        assertThat(filter.getAttributes().get(AttributeKey.stringKey("kumo.trigger"))).isEqualTo("default/t");
    }

    @Test
    void aReplyIsTheAttemptsChildUnlessItContinuesTheSameTraceItself() {
        Span attempt = tracing.attempt(tracing.filter(new TriggerRef("default", "t"), BROKER, event("e-4").build()),
                "delivery", URI.create("http://127.0.0.1:1/"), 1);
        String traceId = attempt.getSpanContext().getTraceId();
        Span plain = tracing.reply(attempt, BROKER, event("r-1").build());
        Span ownOther = tracing.reply(attempt, BROKER, event("r-2")
                .withExtension("traceparent", "00-" + OTHER_TRACE + "-b7ad6b7169203331-01").build());
        Span ownSame = tracing.reply(attempt, BROKER, event("r-3")
                .withExtension("traceparent", "00-" + traceId + "-b7ad6b7169203331-01").build());
        plain.end();
        ownOther.end();
        ownSame.end();

        assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getParentSpanId).containsExactly(
                attempt.getSpanContext().getSpanId(), attempt.getSpanContext().getSpanId(), "b7ad6b7169203331");
        assertThat(exported.getFinishedSpanItems()).allSatisfy(span -> {
            assertThat(span.getName()).isEqualTo("broker-reply");
            assertThat(span.getTraceId()).isEqualTo(traceId);
        });
    }

    @Test
    void offMakesNoSpanAndLeavesEventsAsTheyAre() {
        EventTracing off = EventTracing.of(OpenTelemetry.noop());
        CloudEvent event = event("e-5").withExtension("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01").build();

        Span span = off.ingress(BROKER, "POST", "/", MultiMap.caseInsensitiveMultiMap(), event);

        assertThat(off).isSameAs(EventTracing.OFF);
        assertThat(off.on()).isFalse();
        assertThat(span.getSpanContext().isValid()).isFalse();
        assertThat(off.carrying(event, span)).isSameAs(event);
    }

    private static CloudEventBuilder event(String id) {
        return CloudEventBuilder.v1().withId(id).withType("dev.kumo.test").withSource(URI.create("/test"));
    }
}
