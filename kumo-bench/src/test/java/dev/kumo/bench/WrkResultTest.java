package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {

    private static final String OUTPUT = """
            Running 10s test @ http://127.0.0.1:8080/
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   826.54us    1.54ms  43.24ms   93.78%
                Req/Sec    41.08k     4.52k   50.13k    71.00%
              Latency Distribution
                 50%  280.00us
                 75%  610.00us
                 90%    1.82ms
                 99%    1.20s
              817463 requests in 10.00s, 119.17MB read
              Socket errors: connect 0, read 3, write 0, timeout 2
              Non-2xx or 3xx responses: 7
            Requests/sec:  81734.51
            Transfer/sec:     11.92MB
            """;

    @Test
    void readsRatePercentilesInMillisAndFailures() {
        Wrk.Result result = Wrk.Result.parse(OUTPUT);

        assertThat(result.requestsPerSecond()).isEqualTo(81734.51);
        assertThat(result.p50Millis()).isEqualTo(0.28);
        assertThat(result.p99Millis()).isEqualTo(1200.0);
        assertThat(result.socketErrors()).isEqualTo(5);
        assertThat(result.non2xx()).isEqualTo(7);
        assertThat(result.failures()).isEqualTo(12);
    }

    @Test
    void aCleanRunHasNoFailures() {
        String clean = OUTPUT.lines().filter(line -> !line.contains("errors") && !line.contains("Non-2xx"))
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(Wrk.Result.parse(clean).failures()).isZero();
    }

    @Test
    void refusesOutputWithoutLatencyDistribution() {
        String withoutLatency = OUTPUT.replaceAll("(?m)^\\s+\\d\\d%.*\\n", "");

        assertThatThrownBy(() -> Wrk.Result.parse(withoutLatency)).hasMessageContaining("--latency");
    }
}
