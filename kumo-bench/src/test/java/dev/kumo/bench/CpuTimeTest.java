package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void thisJvmsCpuTimeReadThroughProcAgreesWithTheJvmsOwnAndBothGrowWithWork() throws IOException {
        long jvmBefore = CpuTime.ofThisJvm();
        long procBefore = CpuTime.ofTree(ProcessHandle.current());
        long sink = 0;
        // Work until this JVM has used 200 ms of CPU, however long the shared machine takes to give it (a bound of
        // wall time instead left it 20 ms of CPU at load 13); a minute at most.
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (CpuTime.ofThisJvm() - jvmBefore < 200_000_000L && System.nanoTime() < giveUp) {
            for (int i = 0; i < 100_000; i++) {
                sink += Long.hashCode(sink * 31 + 7);
            }
        }
        long jvmAfter = CpuTime.ofThisJvm();
        long procAfter = CpuTime.ofTree(ProcessHandle.current());

        assertThat(sink).isNotEqualTo(1);
        assertThat(jvmAfter - jvmBefore).isGreaterThan(50_000_000L);
        assertThat(procAfter - procBefore).isGreaterThan(0);
        // /proc counts in 10 ms ticks; both clocks measure the same process.
        assertThat((double) procAfter).isCloseTo(jvmAfter, org.assertj.core.data.Percentage.withPercentage(20));
    }
}
