package dev.kumo.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.StoppedLog;
import dev.kumo.runtime.spi.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The instance table both runtimes use: lookups, listeners, a stop and what it publishes, stop all, and the
 * retention of stopped instances' logs on an injected clock.
 */
class InstanceTableTest {

    private static final RevisionRef REVISION = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final InstanceTable table = new InstanceTable(now::get,
            LogRetention.DEFAULTS.withAfterStop(Duration.ofHours(24)));
    private final List<String> discarded = new CopyOnWriteArrayList<>();
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
    void listenersToldOfAStopStillReachTheStoppedInstanceForItsLastMeasurementsThenItIsGone() {
        List<Optional<SupervisedInstance>> reached = new CopyOnWriteArrayList<>();
        table.watch(instance -> {
            if (instance.state() instanceof InstanceState.Stopped) {
                reached.add(table.supervised(instance.id()));
            }
        });
        Fake instance = start("hello-00001-abcde");

        table.stop("hello-00001-abcde").join();

        assertThat(reached).containsExactly(Optional.of(instance));
        assertThat(table.supervised("hello-00001-abcde")).isEmpty();
        assertThat(table.instance("hello-00001-abcde")).isEmpty();
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

    @Test
    void aStoppedInstancesLogIsKeptForTheRetentionAfterItsStopThenDropped() {
        start("hello-00001-ddddd");
        start("hello-00001-eeeee");
        table.stop("hello-00001-ddddd").join();

        now.set(NOW.plus(Duration.ofHours(24)).minusNanos(1));
        assertThat(table.stoppedLogs()).extracting(StoppedLog::instanceId).containsExactly("hello-00001-ddddd");
        assertThat(table.stoppedLogs().getFirst().stoppedAt()).isEqualTo(NOW);
        assertThat(table.stoppedLogs().getFirst().revision()).isEqualTo(REVISION);

        now.set(NOW.plus(Duration.ofHours(24)));
        assertThat(table.logs("hello-00001-ddddd")).isEmpty();
        assertThat(table.stoppedLogs()).isEmpty();
        assertThat(discarded).containsExactly("hello-00001-ddddd");
        assertThat(table.logs("hello-00001-eeeee")).as("a running instance's log is never dropped").isPresent();
    }

    @Test
    void aRestoredLogIsAStoppedOneAndExpiresFromItsOwnStop() {
        table.restore(log("hello-00001-fffff"), NOW.minus(Duration.ofHours(23)));

        assertThat(table.stoppedLogs()).extracting(StoppedLog::instanceId).containsExactly("hello-00001-fffff");
        now.set(NOW.plus(Duration.ofHours(1)));
        assertThat(table.stoppedLogs()).isEmpty();
        assertThat(discarded).containsExactly("hello-00001-fffff");
    }

    private FollowedLog log(String id) {
        return new FollowedLog(REVISION, id, now::get) {
            @Override
            protected void keep(LogLine line) {
            }

            @Override
            public List<LogLine> lines() {
                return List.of();
            }

            @Override
            public void discard() {
                discarded.add(id);
            }
        };
    }

    private Fake start(String id) {
        Fake instance = new Fake(id);
        table.add(id, instance, log(id));
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
