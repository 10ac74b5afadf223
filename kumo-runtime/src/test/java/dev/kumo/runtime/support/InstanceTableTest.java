package dev.kumo.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The instance table both runtimes use: lookups, listeners, a stop and what it publishes, stop all. */
class InstanceTableTest {

    private static final RevisionRef REVISION = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private final InstanceTable table = new InstanceTable();
    private final List<Instance> seen = new ArrayList<>();

    @Test
    void aStoppedInstanceLeavesTheTableButItsLogStaysAndListenersSeeEveryChange() {
        table.watch(instance -> {
            throw new IllegalStateException("a broken listener does not stop the others");
        });
        table.watch(seen::add);
        Fake instance = start("hello-00001-abcde");

        assertThat(table.instance("hello-00001-abcde")).contains(instance.snapshot());
        assertThat(table.instances()).containsExactly(instance.snapshot());

        Instance stopped = table.stop("hello-00001-abcde").join();

        assertThat(stopped.state()).isInstanceOf(InstanceState.Stopped.class);
        assertThat(seen).containsExactly(stopped);
        assertThat(table.instance("hello-00001-abcde")).isEmpty();
        assertThat(table.instances()).isEmpty();
        assertThat(table.logs("hello-00001-abcde")).isPresent();
    }

    @Test
    void stoppingAnUnknownInstanceFails() {
        assertThat(table.stop("nope").handle((instance, failure) -> failure)
                .join()).isInstanceOf(NoSuchElementException.class);
        assertThat(table.logs("nope")).isEmpty();
    }

    @Test
    void stopAllStopsEveryInstanceAndSaysWhetherAllStoppedInTime() {
        start("hello-00001-aaaaa");
        start("hello-00001-bbbbb");

        assertThat(table.stopAll(Duration.ofSeconds(5), "instance")).isTrue();
        assertThat(table.instances()).isEmpty();
    }

    @Test
    void aSubscriptionEndsTheListening() {
        Subscription watch = table.watch(seen::add);
        watch.close();
        start("hello-00001-ccccc");
        table.stop("hello-00001-ccccc").join();

        assertThat(seen).isEmpty();
    }

    private Fake start(String id) {
        Fake instance = new Fake(id);
        table.add(id, instance, new FollowedLog(REVISION.revision(), id) {
            @Override
            public List<LogLine> tail(int lines) {
                return List.of();
            }
        });
        Thread.ofVirtual().start(instance);
        return instance;
    }

    /** Runs until asked to stop, then publishes Stopped through the table, as the runtimes' instances do. */
    private final class Fake extends SupervisedInstance {

        private final String id;

        Fake(String id) {
            super(new Instance(id, REVISION, new InstanceState.Starting(NOW, Optional.empty()), 0),
                    Duration.ofSeconds(1));
            this.id = id;
        }

        @Override
        public void run() {
            awaitStopRequest(InstantSource.system());
            current = new Instance(id, REVISION, new InstanceState.Stopped(NOW), 0);
            table.changed(current);
            stopped();
        }
    }
}
