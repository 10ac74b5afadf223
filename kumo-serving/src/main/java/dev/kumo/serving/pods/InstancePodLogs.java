package dev.kumo.serving.pods;

import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.PodLogs;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.LogSelection;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.serving.logs.LogView;
import dev.kumo.serving.logs.ViewedFollow;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code pods/NAME/log} from the runtimes: the log the runtime keeps of the Pod's instance, also once the instance
 * stopped while the runtime keeps it. {@code --previous} is the run before a restart, as the log marks runs;
 * {@code -c} must name one of the Pod's containers and shows its lines only (the serving container is the first;
 * a sidecar's lines are tagged with its name in the instance's log); {@code --since}, {@code --timestamps} as the
 * kubelet. A follow ends when the instance does (stopped, failed, its Pod deleted).
 */
public final class InstancePodLogs implements PodLogs {

    private final PodView view;

    public InstancePodLogs(PodView view) {
        this.view = view;
    }

    @Override
    public Opened open(String namespace, String pod, Options options) {
        PodView.Shown shown = view.shown(namespace, pod).orElseThrow(() -> ApiException.notFound("pods", pod));
        String container = options.container().orElse(shown.containers().getFirst());
        if (!shown.containers().contains(container)) {
            throw ApiException.badRequest("container " + container + " is not valid for pod " + pod);
        }
        InstanceLogs logs = view.runtimes().logs(shown.instanceId())
                .orElseThrow(() -> ApiException.notFound("pods", pod));
        int tail = options.tailLines().orElse(Integer.MAX_VALUE);
        LogView shownAs = new LogView(Optional.of(new RevisionLogs.Container(container,
                shown.containers().subList(1, shown.containers().size()))), false, options.timestamps());
        LogSelection since = new LogSelection(options.since(), OptionalInt.empty());
        if (options.previous()) {
            List<String> lines = previousRun(view.runtimes().instance(shown.instanceId()), logs, since, shownAs,
                    tail, container, pod);
            return sink -> {
                lines.forEach(sink::line);
                sink.end();
                return () -> { };
            };
        }
        return sink -> {
            if (!options.follow()) {
                shownAs.showLast(logs.read(since), tail).forEach(sink::line);
                sink.end();
                return () -> { };
            }
            return EndingFollow.start(view.runtimes(), shown.instanceId(),
                    lines -> ViewedFollow.start(logs, options.since(), tail, shownAs, lines), sink);
        };
    }

    /**
     * A follow of one instance's log that ends, as Kubernetes ends a container's, once the instance is gone (stopped,
     * failed, its Pod deleted) — or at once if it already is.
     */
    private static final class EndingFollow implements RevisionLogs.Stream {

        private final RevisionLogs.Sink sink;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile Subscription states = () -> { };
        private volatile Subscription lines = () -> { };

        private EndingFollow(RevisionLogs.Sink sink) {
            this.sink = sink;
        }

        static EndingFollow start(WorkloadRuntime runtimes, String instanceId,
                Function<Consumer<String>, Subscription> follow, RevisionLogs.Sink sink) {
            EndingFollow ending = new EndingFollow(sink);
            ending.states = runtimes.watch(instance -> {
                if (instance.id().equals(instanceId) && instance.state().terminal()) {
                    ending.end();
                }
            });
            ending.lines = follow.apply(sink::line);
            if (runtimes.instance(instanceId).filter(instance -> !instance.state().terminal()).isEmpty()) {
                ending.end();
            }
            if (ending.over.get()) { // ended before both subscriptions were kept
                ending.states.close();
                ending.lines.close();
            }
            return ending;
        }

        private void end() {
            if (stop()) {
                sink.end();
            }
        }

        @Override
        public void close() {
            stop();
        }

        private boolean stop() {
            if (!over.compareAndSet(false, true)) {
                return false;
            }
            states.close();
            lines.close();
            return true;
        }
    }

    /**
     * The run before the current one as the log marks it; the lines recorded when it ended where the log no longer
     * holds them (rotated away); 400 if the instance has not been restarted.
     */
    private static List<String> previousRun(Optional<Instance> instance, InstanceLogs logs, LogSelection since,
            LogView shownAs, int tail, String container, String pod) {
        Termination last = instance.flatMap(Instance::lastTermination)
                .orElseThrow(() -> ApiException.badRequest("previous terminated container \"" + container
                        + "\" in pod \"" + pod + "\" not found"));
        List<LogLine> run = logs.previousRun();
        if (run.isEmpty()) {
            List<String> recorded = last.lastLogLines();
            return recorded.subList(Math.max(0, recorded.size() - tail), recorded.size());
        }
        return shownAs.showLast(since.apply(run), tail);
    }
}
