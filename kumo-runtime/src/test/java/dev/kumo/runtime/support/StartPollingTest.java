package dev.kumo.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** When a starting instance's port is looked at before its readiness probe runs: fast until something accepts. */
class StartPollingTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    /** The process runtime's window. */
    private static final Duration SECOND = Duration.ofSeconds(1);
    /** The container runtime's window: a container starts slower. */
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    record Row(String name, Duration lastLook, boolean covered, Duration wantNext) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("at the start: 0.5 ms", Duration.ZERO, true, Duration.ofNanos(500_000)),
                new Row("still 0.5 ms just before 20 ms", Duration.ofNanos(19_900_000), true,
                        Duration.ofNanos(20_400_000)),
                new Row("1 ms from 20 ms", Duration.ofMillis(20), true, Duration.ofMillis(21)),
                new Row("1 ms at 500 ms", Duration.ofMillis(500), true, Duration.ofMillis(501)),
                new Row("the last look ends at the window's end", Duration.ofNanos(999_500_000), true,
                        Duration.ofSeconds(1)),
                new Row("past the window: the scheduled probes take over", Duration.ofSeconds(1), false,
                        Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void looksFastWhileTheStartIsYoung(Row row) {
        StartPolling polling = new StartPolling(FROM, SECOND, port -> false);
        Instant last = FROM.plus(row.lastLook());

        assertThat(polling.covers(last)).isEqualTo(row.covered());
        assertThat(polling.after(last)).isEqualTo(FROM.plus(row.wantNext()));
    }

    @Test
    void aContainersWindowLooksEveryHalfMillisecondThenEveryMillisecondForTwoSeconds() {
        StartPolling polling = new StartPolling(FROM, TWO_SECONDS, port -> false);

        assertThat(polling.nextLook(8080, FROM.plusMillis(5))).contains(FROM.plusMillis(5).plusNanos(500_000));
        assertThat(polling.nextLook(8080, FROM.plusMillis(300))).contains(FROM.plusMillis(301));
        assertThat(polling.nextLook(8080, FROM.plusMillis(1999).plusNanos(500_000))).contains(FROM.plusSeconds(2));
        assertThat(polling.nextLook(8080, FROM.plusSeconds(2))).as("after the window, the schedule").isEmpty();
    }

    @Test
    void onceSomethingAcceptsTheProbeRunsAndTheLooksStop() {
        AtomicBoolean listening = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        StartPolling polling = new StartPolling(FROM, TWO_SECONDS, port -> {
            looks.incrementAndGet();
            return listening.get();
        });

        assertThat(polling.nextLook(8080, FROM.plusMillis(1))).as("refused: look again, no probe").isPresent();
        listening.set(true);
        assertThat(polling.nextLook(8080, FROM.plusMillis(2))).as("accepted: the probe runs now").isEmpty();
        listening.set(false);
        assertThat(polling.nextLook(8080, FROM.plusMillis(3)))
                .as("a probe failing after the accept waits for the schedule, not for fast looks").isEmpty();
        assertThat(looks).as("no look after the accept").hasValue(2);
    }

    @Test
    void aDeclaredPeriodAndProbesNotOfAPortKeepTheirSchedule() {
        List<ProbeSpec> scheduled = List.of(
                ProbeSpec.defaultReadiness().withPeriod(Duration.ofSeconds(3)),
                ProbeSpec.of(new Probe.Exec(List.of("true"))),
                ProbeSpec.of(new Probe.Running()));
        for (ProbeSpec spec : scheduled) {
            assertThat(StartPolling.forReadiness(spec, FROM, TWO_SECONDS)).as(spec.toString()).isEmpty();
        }
        List<ProbeSpec> looked = List.of(ProbeSpec.defaultReadiness(),
                ProbeSpec.of(new Probe.HttpGet("/", 0)).withPeriod(Duration.ZERO),
                ProbeSpec.of(new Probe.Grpc(0, Optional.empty())).withPeriod(Duration.ZERO));
        for (ProbeSpec spec : looked) {
            assertThat(StartPolling.forReadiness(spec, FROM, TWO_SECONDS)).as(spec.toString()).isPresent();
        }
    }

    @Test
    void aLoopbackPortWithNothingListeningIsRefusedAndAListeningOneAccepts() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LoopbackProbe.address(0).getAddress())) {
            assertThat(StartPolling.acceptsOnLoopback(server.getLocalPort())).isTrue();
            int port = server.getLocalPort();
            server.close();
            assertThat(StartPolling.acceptsOnLoopback(port)).isFalse();
        }
    }

    @Test
    void keepingTheConnectionHandsTheAcceptedLooksConnectionToTheProbeOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LoopbackProbe.address(0).getAddress())) {
            StartPolling polling = StartPolling.keepingConnection(ProbeSpec.defaultReadiness(), FROM, SECOND)
                    .orElseThrow();
            assertThat(polling.takeConnection()).as("nothing accepted yet").isEmpty();

            assertThat(polling.nextLook(server.getLocalPort(), FROM.plusMillis(1))).as("accepted").isEmpty();

            try (Socket connection = polling.takeConnection().orElseThrow();
                    Socket served = server.accept()) {
                assertThat(connection.isConnected() && !connection.isClosed()).as("still open").isTrue();
                assertThat(connection.getLocalPort()).as("the look's own connection").isEqualTo(served.getPort());
            }
            assertThat(polling.takeConnection()).as("taken once").isEmpty();
        }
    }

    @Test
    void aPredicatesLooksKeepNoConnectionToTake() {
        StartPolling polling = new StartPolling(FROM, SECOND, port -> true);

        assertThat(polling.nextLook(8080, FROM.plusMillis(1))).as("accepted").isEmpty();
        assertThat(polling.takeConnection()).isEmpty();
    }

    @Test
    void aRefusedLookKeepsNothingOpen() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, LoopbackProbe.address(0).getAddress())) {
            port = server.getLocalPort();
        }
        assertThat(StartPolling.connectOnLoopback(port)).isEmpty();
    }
}
