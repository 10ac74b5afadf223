package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.ResourceSample;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** An instance's CPU time over the runs of its containers, each of which counts from zero. */
class RunUsageTest {

    private final RunUsage usage = new RunUsage();

    @Test
    void nothingIsKnownBeforeAFirstSample() {
        usage.newRun("c1");

        assertThat(usage.total()).isEmpty();
    }

    @Test
    void aRestartedContainersCpuTimeIsAddedToTheRunsBefore() {
        usage.newRun("c1");
        usage.sampled("c1", sample(3000, 10));
        usage.newRun("c2");
        usage.sampled("c2", sample(500, 20));

        // Not 3 s (the new container's 0.5 s is below the last sample): 3 s of the first run and 0.5 s of the second.
        assertThat(usage.total()).contains(sample(3500, 20));
    }

    @Test
    void aLateAnswerAboutAnEarlierContainerOrALowerSampleIsIgnored() {
        usage.newRun("c1");
        usage.sampled("c1", sample(2000, 10));
        usage.newRun("c2");
        usage.sampled("c2", sample(1000, 20));
        usage.sampled("c1", sample(2500, 30));
        usage.sampled("c2", sample(900, 40));

        assertThat(usage.total()).contains(sample(3000, 20));
    }

    private static ResourceSample sample(long cpuMillis, long memoryBytes) {
        return new ResourceSample(Duration.ofMillis(cpuMillis), OptionalLong.of(memoryBytes));
    }
}
