package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * kn's delivery flags: dead-letter sink, retries, backoff and per-attempt timeout (ISO-8601 durations). Only the
 * flags given change {@code spec.delivery}; an empty value removes its field.
 */
final class DeliveryOptions {

    @Option(names = "--dl-sink", paramLabel = "SINK", description = "Dead-letter sink: ksvc:NAME, broker:NAME or a "
            + "URL (an empty value removes it).")
    String deadLetterSink;

    @Option(names = "--retry", paramLabel = "N", description = "Attempts after the first before dead-lettering.")
    Integer retry;

    @Option(names = "--backoff-policy", paramLabel = "POLICY", description = "linear or exponential.")
    String backoffPolicy;

    @Option(names = "--backoff-delay", paramLabel = "DURATION", description = "First backoff, ISO-8601, e.g. PT0.2S.")
    String backoffDelay;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Per-attempt timeout, ISO-8601, e.g. PT10S.")
    String timeout;

    @Option(names = "--retry-after-max", paramLabel = "DURATION", description = "Upper bound on a Retry-After "
            + "header's delay, ISO-8601 (Knative's delivery-retryafter feature, which Kumo leaves off).")
    String retryAfterMax;

    /** Whether any delivery flag was given. */
    boolean given() {
        return deadLetterSink != null || retry != null || backoffPolicy != null || backoffDelay != null
                || timeout != null || retryAfterMax != null;
    }

    /** Applies the flags given to {@code spec.delivery}, dropping it when nothing is left in it. */
    void fill(ObjectNode spec) {
        if (!given()) {
            return;
        }
        ObjectNode delivery = spec.withObjectProperty("delivery");
        if (deadLetterSink != null && deadLetterSink.isEmpty()) {
            delivery.remove("deadLetterSink");
        } else if (deadLetterSink != null) {
            delivery.set("deadLetterSink", Sink.parse(deadLetterSink, "--dl-sink"));
        }
        if (retry != null) {
            delivery.put("retry", retry);
        }
        put(delivery, "backoffPolicy", backoffPolicy);
        put(delivery, "backoffDelay", backoffDelay);
        put(delivery, "timeout", timeout);
        put(delivery, "retryAfterMax", retryAfterMax);
        if (delivery.isEmpty()) {
            spec.remove("delivery");
        }
    }

    private static void put(ObjectNode delivery, String field, String value) {
        if (value != null && value.isEmpty()) {
            delivery.remove(field);
        } else if (value != null) {
            delivery.put(field, value);
        }
    }
}
