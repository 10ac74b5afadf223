package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class H2loadResultTest {

    private static final String OUTPUT = """
            starting benchmark...
            spawning thread #0: 1 total client(s). Timing-based test with 0s of warm-up time and 10s of main duration
            Warm-up started for thread #0.
            Main benchmark duration is started for thread #0.
            finished in 10.00s, 20005.40 req/s, 1.23MB/s
            requests: 200054 total, 200070 started, 200054 done, 200040 succeeded, 14 failed, 3 errored, 0 timeout
            status codes: 200040 2xx, 0 3xx, 14 4xx, 0 5xx
            traffic: 12.34MB (12939400) total, 1.02MB (1069680) headers (space savings 93.10%), 2.29MB data
                                 min         max         mean         sd        +/- sd
            time for request:      112us     12.50ms       789us       456us    80.00%
            time for connect:      120us       230us       175us        55us   100.00%
            time to 1st byte:     1.02ms      1.20ms      1.11ms        90us   100.00%
            req/s           :   10001.10    10004.30    10002.70        2.26   100.00%
            """;

    @Test
    void readsRateMeanInMillisAndFailures() {
        H2load.Result result = H2load.Result.parse(OUTPUT);

        assertThat(result.requestsPerSecond()).isEqualTo(20005.40);
        assertThat(result.meanMillis()).isEqualTo(0.789);
        assertThat(result.failures()).isEqualTo(14);
    }

    @Test
    void aMeanInMillisecondsStaysSo() {
        String slow = OUTPUT.replace("      789us", "     2.50ms");

        assertThat(H2load.Result.parse(slow).meanMillis()).isEqualTo(2.5);
    }

    @Test
    void refusesOutputWithoutItsFigures() {
        assertThatThrownBy(() -> H2load.Result.parse("starting benchmark...\n"))
                .hasMessageContaining("unexpected h2load output");
    }
}
