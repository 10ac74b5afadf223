package dev.kumo.serving.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The ledger's additions as counters (tags {@code namespace}, {@code service}, {@code revision}; in Prometheus terms
 * {@code kumo_usage_requests_total}, {@code kumo_usage_instance_seconds_total},
 * {@code kumo_usage_memory_gib_seconds_total}, {@code kumo_usage_cpu_seconds_total},
 * {@code kumo_usage_cold_starts_total}, {@code kumo_usage_events_delivered_total}), counted since the server started;
 * {@code kumo usage} reads the stored totals instead.
 */
public final class UsageMeters implements UsageLedger.Listener {

    private final MeterRegistry registry;

    public UsageMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void added(UsageKey key, UsageCounts counts) {
        Tags tags = Tags.of("namespace", key.namespace(), "service", key.service(), "revision", key.revision());
        count("kumo.usage.requests", "Requests that arrived at the router", tags, counts.requests());
        count("kumo.usage.instance.seconds", "Seconds instances ran", tags, counts.instanceSeconds());
        count("kumo.usage.memory.gib.seconds", "Instance seconds times the memory limit (else measured) in GiB",
                tags, counts.memoryGibSeconds());
        count("kumo.usage.cpu.seconds", "Instance seconds times the CPU limit (else the CPU time measured)", tags,
                counts.cpuSeconds());
        count("kumo.usage.cold.starts", "Instances started to serve a request held at zero", tags,
                counts.coldStarts());
        count("kumo.usage.events.delivered", "Events delivered to the Service", tags, counts.eventsDelivered());
    }

    private void count(String name, String description, Tags tags, double amount) {
        if (amount > 0) {
            Counter.builder(name).description(description).tags(tags).register(registry).increment(amount);
        }
    }
}
