package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.StoppedLog;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.runtime.support.FollowedLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A Revision's log from the runtime: since and timestamps, {@code previous} (stopped instances and previous runs),
 * and a follow that takes up new instances and lets go of stopped ones without ending.
 */
class RuntimeLogsTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final RevisionRef OTHER = RevisionRef.ofService("default", "hello", "hello-00002");
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Runtime runtime = new Runtime();
    private final RuntimeLogs logs = new RuntimeLogs(runtime);
    private final Recorded sink = new Recorded();

    @Test
    void sinceAndTimestampsSelectAndStampTheRunningInstancesLines() {
        running("hello-00001-a").append("early");
        now.set(T0.plusSeconds(60));
        runtime.log("hello-00001-a").append("late");

        logs.open("default", "hello-00001", new RevisionLogs.Options(100, false, Optional.of(T0.plusSeconds(30)),
                true, false, Optional.empty()), sink);

        assertThat(sink.lines).containsExactly("2026-12-06T08:01:00.000000000Z hello-00001 > hello-00001-a | late");
        assertThat(sink.ended).isTrue();
    }

    @Test
    void previousReadsTheStoppedInstancesAndThePreviousRunsOfTheRevisionOnly() {
        Log stopped = new Log(HELLO, "hello-00001-gone");
        stopped.append("before the stop");
        runtime.stopped.add(new StoppedLog(HELLO, "hello-00001-gone", T0, stopped));
        Log other = new Log(OTHER, "hello-00002-gone");
        other.append("another revision's");
        runtime.stopped.add(new StoppedLog(OTHER, "hello-00002-gone", T0, other));
        Log restarted = running("hello-00001-b");
        restarted.runStarted(now.get());
        restarted.append("first run");
        now.set(T0.plusSeconds(5));
        restarted.runStarted(now.get());
        restarted.append("second run");

        logs.open("default", "hello-00001", new RevisionLogs.Options(100, true, Optional.empty(), false, true,
                Optional.empty()), sink);

        assertThat(sink.lines).containsExactly("hello-00001 > hello-00001-gone | before the stop",
                "hello-00001 > hello-00001-b | first run");
        assertThat(sink.ended).isTrue();
    }

    @Test
    void aFollowTakesUpNewInstancesLetsGoOfStoppedOnesAndLastsUntilClosed() {
        running("hello-00001-c").append("c before");
        RevisionLogs.Stream stream = logs.open("default", "hello-00001", RevisionLogs.Options.of(10, true), sink);

        Log d = running("hello-00001-d");
        d.append("d starts");
        runtime.stop("hello-00001-c");
        runtime.log("hello-00001-c").append("c after its stop");
        d.append("d goes on");

        assertThat(sink.lines).containsExactly("hello-00001 > hello-00001-c | c before",
                "hello-00001 > hello-00001-d | d starts", "hello-00001 > hello-00001-d | d goes on");
        assertThat(sink.ended).as("the Revision still exists: its deletion ends the follow").isFalse();
        stream.close();
        d.append("after the close");
        assertThat(sink.lines).hasSize(3);
    }

    private Log running(String id) {
        Log log = runtime.log(id);
        runtime.change(new Instance(id, HELLO, new InstanceState.Starting(T0, Optional.empty()), 0));
        return log;
    }

    /** Lines received and whether the end came. */
    private static final class Recorded implements RevisionLogs.Sink {

        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile boolean ended;

        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    /** An instance's log in memory, stamped by the test's clock. */
    private final class Log extends FollowedLog {

        private final List<LogLine> kept = new ArrayList<>();

        Log(RevisionRef revision, String id) {
            super(revision, id, now::get);
        }

        @Override
        protected void keep(LogLine line) {
            kept.add(line);
        }

        @Override
        public synchronized List<LogLine> lines() {
            return List.copyOf(kept);
        }
    }

    /** Instances told to listeners as the test says, their logs, and the logs kept of stopped instances. */
    private final class Runtime extends ListenedRuntime {

        private final Map<String, Instance> instances = new ConcurrentHashMap<>();
        private final Map<String, Log> logs = new ConcurrentHashMap<>();
        final List<StoppedLog> stopped = new CopyOnWriteArrayList<>();

        Log log(String id) {
            return logs.computeIfAbsent(id, key -> new Log(HELLO, key));
        }

        void change(Instance instance) {
            if (instance.state().terminal()) {
                instances.remove(instance.id());
            } else {
                instances.put(instance.id(), instance);
            }
            tell(instance);
        }

        @Override
        public Optional<InstanceLogs> logs(String instanceId) {
            return Optional.ofNullable(logs.get(instanceId));
        }

        @Override
        public List<StoppedLog> stoppedLogs() {
            return List.copyOf(stopped);
        }

        @Override
        public Optional<String> unsupported(WorkloadSpec spec) {
            return Optional.empty();
        }

        @Override
        public Instance start(WorkloadSpec spec) {
            throw new UnsupportedOperationException("the logs start nothing");
        }

        @Override
        public CompletableFuture<Instance> stop(String instanceId) {
            Instance instance = instances.get(instanceId);
            Instance stoppedOne = new Instance(instanceId, instance.revision(), new InstanceState.Stopped(now.get()),
                    0);
            change(stoppedOne);
            return CompletableFuture.completedFuture(stoppedOne);
        }

        @Override
        public Optional<Instance> instance(String instanceId) {
            return Optional.ofNullable(instances.get(instanceId));
        }

        @Override
        public List<Instance> instances() {
            return List.copyOf(instances.values());
        }
    }
}
