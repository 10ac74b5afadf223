package dev.kumo.serving;

import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogSelection;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.StoppedLog;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.serving.logs.LogView;
import dev.kumo.serving.logs.ViewedFollow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revision logs for the API server, read from the runtime's instances of that Revision. A follow also takes up the
 * instances started after it began (a Revision followed before its first instance runs, a restarted server's new
 * instance), from their first line, and lets go of each instance that stops; it lasts until closed (the API server
 * ends it when the Revision is deleted). {@code previous} reads the runs that ended: the previous run of each
 * restarted instance, and the logs the runtime keeps of the Revision's instances that stopped.
 */
final class RuntimeLogs implements RevisionLogs {

    private final WorkloadRuntime runtime;

    RuntimeLogs(WorkloadRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Stream open(String namespace, String revision, int tailLines, boolean follow, Sink sink) {
        return open(namespace, revision, Options.of(tailLines, follow), sink);
    }

    @Override
    public Stream open(String namespace, String revision, Options options, Sink sink) {
        LogView view = new LogView(options.container(), true, options.timestamps());
        LogSelection since = new LogSelection(options.since(), OptionalInt.empty());
        if (options.previous()) {
            runtime.stoppedLogs().stream().filter(stopped -> of(stopped.revision(), namespace, revision))
                    .map(StoppedLog::logs)
                    .forEach(log -> view.showLast(log.read(since), options.tailLines()).forEach(sink::line));
            instancesOf(namespace, revision).forEach(instance -> logs(instance).ifPresent(log -> view.showLast(
                    since.apply(log.previousRun()), options.tailLines()).forEach(sink::line)));
            sink.end();
            return () -> { };
        }
        if (!options.follow()) {
            instancesOf(namespace, revision).forEach(instance -> logs(instance).ifPresent(log -> view.showLast(
                    log.read(since), options.tailLines()).forEach(sink::line)));
            sink.end();
            return () -> { };
        }
        Follow followed = new Follow(options, view, sink);
        instancesOf(namespace, revision).forEach(instance -> followed.attach(instance, options.tailLines()));
        Subscription changes = runtime.watch(instance -> {
            if (of(instance.revision(), namespace, revision)) {
                followed.changed(instance);
            }
        });
        // Those started between the listing above and the watch.
        instancesOf(namespace, revision).forEach(instance -> followed.attach(instance, Integer.MAX_VALUE));
        return () -> {
            changes.close();
            followed.close();
        };
    }

    private List<Instance> instancesOf(String namespace, String revision) {
        return runtime.instances().stream().filter(i -> of(i.revision(), namespace, revision)).toList();
    }

    private static boolean of(RevisionRef ref, String namespace, String revision) {
        return ref.namespace().equals(namespace) && ref.revision().equals(revision);
    }

    private Optional<InstanceLogs> logs(Instance instance) {
        return runtime.logs(instance.id());
    }

    /** The instances one follow reads, each attached once and let go when it stops, until closed. */
    private final class Follow {

        private final Options options;
        private final LogView view;
        private final Sink sink;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Map<String, Subscription> attached = new ConcurrentHashMap<>();
        private volatile boolean closed;

        Follow(Options options, LogView view, Sink sink) {
            this.options = options;
            this.view = view;
            this.sink = sink;
        }

        void changed(Instance instance) {
            if (instance.state().terminal()) {
                seen.add(instance.id());
                Optional.ofNullable(attached.remove(instance.id())).ifPresent(Subscription::close);
            } else {
                attach(instance, Integer.MAX_VALUE);
            }
        }

        void attach(Instance instance, int tailLines) {
            if (closed || instance.state().terminal() || !seen.add(instance.id())) {
                return;
            }
            logs(instance).ifPresent(log -> attached.put(instance.id(), ViewedFollow.start(log, options.since(),
                    tailLines, view, sink::line)));
            if (closed) {
                close();
            }
        }

        void close() {
            closed = true;
            attached.values().forEach(Subscription::close);
            attached.clear();
        }
    }
}
