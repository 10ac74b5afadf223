package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The workload start split before the endpoints and recorded after them: once, and never for a forgotten revision. */
class ColdStartMetersTest {

    private static final RevisionRef HELLO = new RevisionRef("default", Optional.of("hello"), "hello", "hello-00001");
    private static final Instant EXEC = Instant.parse("2026-01-01T00:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ColdStartMeters meters = new ColdStartMeters(registry);
    private final InstanceListener recorder = meters.recorder();

    @Test
    void aReadyInstancesStartIsRecordedOnceByTheListenerAfterTheEndpoints() {
        Instance ready = ready("a", 300);

        recorder.changed(ready);
        assertThat(timer()).as("the recorder alone: nothing split yet").isNull();

        meters.changed(ready);
        assertThat(timer()).as("split, not yet recorded").isNull();
        recorder.changed(ready);
        recorder.changed(ready);

        assertThat(timer().count()).isEqualTo(1);
        assertThat(timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300);
    }

    @Test
    void aRevisionForgottenBetweenTheTwoListenersIsNotRecordedAgain() {
        Instance ready = ready("a", 300);

        meters.changed(ready);
        meters.forgotten(new RevisionId("default", "hello-00001"));
        recorder.changed(ready);

        assertThat(timer()).isNull();
    }

    private Timer timer() {
        return registry.find(ColdStartMeters.WORKLOAD_START).tag("revision", "hello-00001").timer();
    }

    private static Instance ready(String id, long startupMillis) {
        return new Instance(id, HELLO, new InstanceState.Ready(new InstanceAddress("127.0.0.1", 8001),
                EXEC.plusMillis(startupMillis), EXEC), 0);
    }
}
