package dev.kumo.server.eventing;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.DeliveryNotices;
import dev.kumo.eventing.api.TriggerRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.net.URI;
import java.time.Duration;

/**
 * Each attempt to deliver an event to a Trigger's subscriber in the shapes of Knative's broker filter:
 * {@code event_count_total} (Knative's {@code event_count}, with Prometheus' counter suffix) and
 * {@code event_dispatch_latencies} (a histogram in milliseconds, as Knative's), labelled {@code namespace},
 * {@code broker}, {@code trigger}, {@code response_code} and {@code response_code_class}. For a channel's
 * subscriber {@code broker} is the channel and {@code trigger} the subscription. Bounded: one series per Trigger and
 * answered status code (at most the 500 codes HTTP has); no event id, type or source is a label.
 */
final class DeliveryMeters implements DeliveryNotices {

    private static final double[] BUCKETS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};

    private final MeterRegistry registry;

    DeliveryMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void deadLettered(TriggerRef trigger, URI subscriber, int status, URI sink) {
        // Counted by its attempts.
    }

    @Override
    public void failed(TriggerRef trigger, URI subscriber, int status, String why) {
        // Counted by its attempts.
    }

    @Override
    public void attempted(BrokerRef broker, TriggerRef trigger, int status, Duration took) {
        int code = status < 100 || status > 599 ? 500 : status;
        Tags tags = Tags.of("namespace", trigger.namespace(), "broker", broker.name(), "trigger", trigger.name(),
                "response_code", Integer.toString(code), "response_code_class", code / 100 + "xx");
        Counter.builder("event.count").description("Number of events dispatched to a Trigger's subscriber")
                .tags(tags).register(registry).increment();
        DistributionSummary.builder("event.dispatch.latencies").description("The time spent dispatching an event "
                + "to a Trigger's subscriber, in milliseconds").tags(tags)
                .serviceLevelObjectives(BUCKETS_MS).register(registry).record(took.toNanos() / 1e6);
    }
}
