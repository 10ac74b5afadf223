package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.DeliveryNotices;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.delivery.Delivery;
import dev.kumo.eventing.delivery.EventCounters;
import dev.kumo.eventing.log.StoredEvent;
import dev.kumo.eventing.tracing.EventTracing;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One event's delivery as its Trigger's span shows it. */
class EventDispatchTest {

    private static final BrokerRef BROKER = new BrokerRef("default", "orders");
    private static final TriggerRef TRIGGER = new TriggerRef("default", "audit");

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported))
                    .build()).build();
    private final EventTracing tracing = EventTracing.of(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void whenTheMeshHasStoppedTheTriggersSpanEndsButTheEventIsNotDoneWith() {
        StoredEvent stored = new StoredEvent(7, CloudEventBuilder.v1().withId("e-1")
                .withSource(URI.create("/orders")).withType("order.created").build());
        Span span = tracing.filter(TRIGGER, BROKER, stored.event());
        StoppedTracker tracker = new StoppedTracker();
        // Nothing goes on the wire once the mesh has stopped: no client, local channels or replies are needed.
        Deliverer deliverer = new Deliverer(null, null, null, null, new EventCounters(), Clock.systemUTC(),
                DeliveryNotices.NONE, tracing);
        Route route = new Route(event -> true, URI.create("http://127.0.0.1:9/"), new Delivery(0,
                BackoffPolicy.EXPONENTIAL, Duration.ZERO, Duration.ofSeconds(1), Optional.empty()));

        deliverer.start(BROKER, TRIGGER, route, stored, tracker, span);

        assertThat(exported.getFinishedSpanItems()).singleElement().satisfies(ended -> {
            assertThat(ended.getName()).isEqualTo("trigger-filter");
            assertThat(ended.getAttributes().get(AttributeKey.stringKey("kumo.delivery.outcome")))
                    .isEqualTo("stopped");
        });
        assertThat(tracker.calls).as("no attempt, and the event is delivered again after a restart").hasValue(0);
    }

    /** The tracker of a dispatcher that has stopped; counts every call that would mean the event went on. */
    private static final class StoppedTracker implements DeliveryTracker {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public boolean active() {
            return false;
        }

        @Override
        public void attemptStarted() {
            calls.incrementAndGet();
        }

        @Override
        public void attemptEnded() {
            calls.incrementAndGet();
        }

        @Override
        public void finished() {
            calls.incrementAndGet();
        }

        @Override
        public void failed(Throwable error) {
            calls.incrementAndGet();
        }
    }
}
