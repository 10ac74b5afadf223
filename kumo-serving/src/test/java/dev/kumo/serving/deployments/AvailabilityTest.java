package dev.kumo.serving.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvailabilityTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** One row: the instance's state, minReadySeconds, whether it is available now. */
    record Row(String name, InstanceState state, int minReadySeconds, boolean available) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("starting: never available", new InstanceState.Starting(NOW.minusSeconds(60), Optional.empty()),
                        0, false),
                new Row("ready, minReadySeconds 0: available at once", ready(NOW), 0, true),
                new Row("ready 4 s of 5: not yet", ready(NOW.minusSeconds(4)), 5, false),
                new Row("ready exactly 5 s of 5: available", ready(NOW.minusSeconds(5)), 5, true),
                new Row("ready 10 s of 5: available", ready(NOW.minusSeconds(10)), 5, true),
                new Row("unhealthy after being ready: not available",
                        new InstanceState.Unhealthy(NOW.minusSeconds(30), "probe", "failed"), 5, false));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void available(Row row) {
        assertThat(Availability.available(instance("a", row.state()), Availability.minReady(row.minReadySeconds()),
                NOW)).isEqualTo(row.available());
    }

    @Test
    void theNextLookIsWhenTheFirstReadyOneBecomesAvailable() {
        List<Instance> instances = List.of(instance("a", ready(NOW.minusSeconds(2))),
                instance("b", ready(NOW.minusSeconds(7))), instance("c", ready(NOW.minusSeconds(20))),
                instance("d", new InstanceState.Starting(NOW, Optional.empty())));

        assertThat(Availability.next(instances, Duration.ofSeconds(10), NOW)).contains(Duration.ofSeconds(3));
        assertThat(Availability.next(instances, Duration.ZERO, NOW)).isEmpty();
    }

    @Test
    void noMinReadySecondsIsZeroAndNegativeIsNoWait() {
        assertThat(Availability.minReady(null)).isEqualTo(Duration.ZERO);
        assertThat(Availability.minReady(-3)).isEqualTo(Duration.ZERO);
        assertThat(Availability.minReady(30)).isEqualTo(Duration.ofSeconds(30));
    }

    private static InstanceState ready(Instant since) {
        return new InstanceState.Ready(InstanceAddress.loopback(40000), since, since.minusSeconds(1));
    }

    private static Instance instance(String id, InstanceState state) {
        return new Instance(id, DeploymentInstances.ref("default", "web", "h"), state, 0);
    }
}
