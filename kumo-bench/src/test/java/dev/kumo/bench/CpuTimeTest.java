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
        long until = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < until) {
            sink += Long.hashCode(sink * 31 + 7);
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
