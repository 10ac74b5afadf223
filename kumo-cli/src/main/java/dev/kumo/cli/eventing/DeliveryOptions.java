package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** kn's delivery flags: dead-letter sink, retries, backoff and per-attempt timeout (ISO-8601 durations). */
final class DeliveryOptions {

    @Option(names = "--dl-sink", paramLabel = "SINK", description = "Dead-letter sink: ksvc:NAME, broker:NAME or a URL.")
    String deadLetterSink;

    @Option(names = "--retry", paramLabel = "N", description = "Attempts after the first before dead-lettering.")
    Integer retry;

    @Option(names = "--backoff-policy", paramLabel = "POLICY", description = "linear or exponential.")
    String backoffPolicy;

    @Option(names = "--backoff-delay", paramLabel = "DURATION", description = "First backoff, ISO-8601, e.g. PT0.2S.")
    String backoffDelay;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Per-attempt timeout, ISO-8601, e.g. PT10S.")
    String timeout;

    /** Sets {@code spec.delivery} when any delivery flag was given. */
    void fill(ObjectNode spec) {
        if (deadLetterSink == null && retry == null && backoffPolicy == null && backoffDelay == null
                && timeout == null) {
            return;
        }
        ObjectNode delivery = spec.putObject("delivery");
        if (deadLetterSink != null) {
            delivery.set("deadLetterSink", Sink.parse(deadLetterSink, "--dl-sink"));
        }
        if (retry != null) {
            delivery.put("retry", retry);
        }
        if (backoffPolicy != null) {
            delivery.put("backoffPolicy", backoffPolicy);
        }
        if (backoffDelay != null) {
            delivery.put("backoffDelay", backoffDelay);
        }
        if (timeout != null) {
            delivery.put("timeout", timeout);
        }
    }
}
