package dev.kumo.serving;

import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Revision logs for the API server, read from the runtime's instances of that Revision. A follow also takes up the
 * instances started after it began (a Revision followed before its first instance runs, a restarted server's new
 * instance), from their first line.
 */
final class RuntimeLogs implements RevisionLogs {

    /** A bound far above what two rotated log files hold: every line of an instance that started after the follow. */
    private static final int ALL_LINES = 1_000_000;

    private final WorkloadRuntime runtime;

    RuntimeLogs(WorkloadRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Stream open(String namespace, String revision, int tailLines, boolean follow, Sink sink) {
        if (!follow) {
            instancesOf(namespace, revision).forEach(instance -> logs(instance)
                    .ifPresent(log -> log.tail(tailLines).forEach(line -> sink.line(line.prefixed()))));
            sink.end();
            return () -> { };
        }
        Follow followed = new Follow(sink);
        instancesOf(namespace, revision).forEach(instance -> followed.attach(instance, tailLines));
        Subscription newInstances = runtime.watch(instance -> {
            if (of(instance, namespace, revision) && !instance.state().terminal()) {
                followed.attach(instance, ALL_LINES);
            }
        });
        // Those started between the listing above and the watch.
        instancesOf(namespace, revision).forEach(instance -> followed.attach(instance, ALL_LINES));
        return () -> {
            newInstances.close();
            followed.close();
        };
    }

    private List<Instance> instancesOf(String namespace, String revision) {
        return runtime.instances().stream().filter(i -> of(i, namespace, revision)).toList();
    }

    private static boolean of(Instance instance, String namespace, String revision) {
        return instance.revision().namespace().equals(namespace) && instance.revision().revision().equals(revision);
    }

    private Optional<InstanceLogs> logs(Instance instance) {
        return runtime.logs(instance.id());
    }

    /** The instances one follow reads, each attached once, until closed. */
    private final class Follow {

        private final Sink sink;
        private final Set<String> attached = ConcurrentHashMap.newKeySet();
        private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        Follow(Sink sink) {
            this.sink = sink;
        }

        void attach(Instance instance, int tailLines) {
            if (closed || !attached.add(instance.id())) {
                return;
            }
            logs(instance).ifPresent(log -> subscriptions.add(log.follow(tailLines, line -> sink.line(
                    line.prefixed()))));
            if (closed) {
                close();
            }
        }

        void close() {
            closed = true;
            subscriptions.forEach(Subscription::close);
        }
    }
}
