package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI benchmark end to end with tiny counts: a real server, real {@code bin/kumo} launches (its CLI class path,
 * flags and class cache) and, where installed, kubectl against the same server. No timing is asserted.
 */
class CliBenchmarkIT {

    @Test
    void timesEveryCommandAgainstOneServer() throws Exception {
        List<CliBenchmark.Row> rows = CliBenchmark.measure(KumoBinary.find(), 2);

        assertThat(rows).extracting(CliBenchmark.Row::label).startsWith("kumo version", "kumo service list");
        if (System.getenv("CI") != null) {
            assertThat(rows).extracting(CliBenchmark.Row::label).contains("kubectl get ksvc");
        }
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.wall().count()).isEqualTo(2);
            assertThat(row.wall().percentileMillis(50)).isPositive();
        });
    }
}
