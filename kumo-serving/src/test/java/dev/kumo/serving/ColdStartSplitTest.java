package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColdStartSplitTest {

    private static final RevisionId HELLO = new RevisionId("default", "hello-00001");
    private static final Instant EXEC = Instant.parse("2026-01-01T00:00:00Z");

    private final ColdStartSplit split = new ColdStartSplit();

    @Test
    void theWorkloadStartIsAnsweredOncePerRun() {
        assertThat(split.changed(HELLO, "a", new InstanceState.Starting(EXEC, Optional.empty()))).isEmpty();
        assertThat(split.changed(HELLO, "a", ready(8001, EXEC, 300))).contains(Duration.ofMillis(300));
        assertThat(split.changed(HELLO, "a", ready(8001, EXEC, 2300))).as("ready again, same run").isEmpty();
        Instant restart = EXEC.plusSeconds(10);
        assertThat(split.changed(HELLO, "a", ready(8001, restart, 400))).as("a new run").contains(Duration.ofMillis(400));
    }

    @Test
    void thePlatformShareIsTheColdStartLessTheStartOfTheInstanceThatServedIt() {
        split.changed(HELLO, "a", ready(8001, EXEC, 300));
        split.changed(HELLO, "b", ready(8002, EXEC, 900));

        assertThat(split.platformShare(coldStart(8001, 340))).contains(Duration.ofMillis(40));
        assertThat(split.platformShare(coldStart(8002, 950))).contains(Duration.ofMillis(50));
    }

    @Test
    void anUnknownServerFallsBackToTheRevisionsMostRecentStart() {
        split.changed(HELLO, "a", ready(8001, EXEC, 300));
        split.changed(HELLO, "b", ready(8002, EXEC, 900));
        split.changed(HELLO, "b", new InstanceState.Stopped(EXEC.plusSeconds(5)));

        assertThat(split.platformShare(coldStart(8002, 950))).as("b stopped: the latest start stands in")
                .contains(Duration.ofMillis(50));
        assertThat(split.platformShare(coldStart(9999, 1000))).contains(Duration.ofMillis(100));
    }

    @Test
    void anInstanceLaunchedBeforeTheRequestArrivedGivesAShareOfZeroNotANegativeOne() {
        split.changed(HELLO, "a", ready(8001, EXEC, 900));

        assertThat(split.platformShare(coldStart(8001, 200))).contains(Duration.ZERO);
    }

    @Test
    void noShareWithoutAnyStartOfTheRevisionAndNoneOnceItIsForgotten() {
        assertThat(split.platformShare(coldStart(8001, 200))).isEmpty();

        split.changed(HELLO, "a", ready(8001, EXEC, 100));
        split.forget(HELLO);

        assertThat(split.platformShare(coldStart(8001, 200))).isEmpty();
    }

    private static InstanceState.Ready ready(int port, Instant exec, long startupMillis) {
        return new InstanceState.Ready(new InstanceAddress("127.0.0.1", port), exec.plusMillis(startupMillis), exec);
    }

    private static ColdStart coldStart(int port, long millis) {
        return new ColdStart(HELLO, new InstanceAddress("127.0.0.1", port), Duration.ofMillis(millis));
    }
}
