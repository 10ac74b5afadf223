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
    void readsPodmansOneShotAnswerInNanosecondsAsCgroupV1CountsThem() {
        // Podman 4.3's answer on this machine kind (cgroup v1, runc), one-shot: total_usage equals the container's
        // cpuacct.usage (nanoseconds since it started), no precpu_stats, memory_stats without a stats map.
        JsonObject stats = new JsonObject("""
                {"cpu_stats":{"cpu_usage":{"total_usage":477417320,"percpu_usage":[448461327,28955993],
                "usage_in_kernelmode":28000000,"usage_in_usermode":449417320},"system_cpu_usage":17980076005866,
                "online_cpus":2,"cpu":0,"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
                "precpu_stats":{"cpu_usage":{"total_usage":0}},"memory_stats":{"usage":712704,"limit":25276182528}}
                """);

        assertThat(ContainerStats.sample(stats))
                .contains(new ResourceSample(Duration.ofNanos(477_417_320), OptionalLong.of(712_704)));
    }

    @Test
    void aContainerNotRunningHasNoSample() {
        assertThat(ContainerStats.sample(new JsonObject("{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},"
                + "\"memory_stats\":{}}"))).isEmpty();
        assertThat(ContainerStats.sample(new JsonObject())).isEmpty();
    }
}
