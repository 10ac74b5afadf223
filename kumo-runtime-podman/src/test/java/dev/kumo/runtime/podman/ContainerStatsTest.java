package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.ResourceSample;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Docker's stats format, as podman's compatible endpoint answers it, read as a sample. */
class ContainerStatsTest {

    @Test
    void readsTheCpuTimeAndTheMemoryInUse() {
        JsonObject stats = new JsonObject("""
                {"read":"2026-12-06T10:00:00Z","cpu_stats":{"cpu_usage":{"total_usage":1500000000,
                "usage_in_kernelmode":200000000},"online_cpus":2},"memory_stats":{"usage":268435456,"limit":536870912}}
                """);

        assertThat(ContainerStats.sample(stats))
                .contains(new ResourceSample(Duration.ofMillis(1500), OptionalLong.of(268_435_456)));
    }

    @Test
    void aContainerNotRunningHasNoSample() {
        assertThat(ContainerStats.sample(new JsonObject("{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},"
                + "\"memory_stats\":{}}"))).isEmpty();
        assertThat(ContainerStats.sample(new JsonObject())).isEmpty();
    }
}
