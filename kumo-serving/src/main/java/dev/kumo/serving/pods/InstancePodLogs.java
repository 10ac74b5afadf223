package dev.kumo.serving.pods;

import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.PodLogs;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code pods/NAME/log} from the runtimes: the log the runtime keeps of the Pod's instance, also once the instance
 * stopped while the runtime keeps it. {@code --previous} is the last lines of the run before a restart, as the
 * runtime recorded them when that run ended; {@code -c} must name one of the Pod's containers (an instance's
 * containers share one log). A follow ends when the instance does (stopped, failed, its Pod deleted).
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
        if (options.previous()) {
            List<String> previous = previousRun(view.runtimes().instance(shown.instanceId()), container, pod);
            List<String> lines = previous.subList(Math.max(0, previous.size() - tail), previous.size());
            return sink -> {
                lines.forEach(sink::line);
                sink.end();
                return () -> { };
            };
        }
        return sink -> {
            if (!options.follow()) {
                logs.tail(tail).forEach(line -> sink.line(line.text()));
                sink.end();
                return () -> { };
            }
            return EndingFollow.start(view.runtimes(), shown.instanceId(), logs, tail, sink);
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

        static EndingFollow start(WorkloadRuntime runtimes, String instanceId, InstanceLogs logs, int tail,
                RevisionLogs.Sink sink) {
            EndingFollow follow = new EndingFollow(sink);
            follow.states = runtimes.watch(instance -> {
                if (instance.id().equals(instanceId) && instance.state().terminal()) {
                    follow.end();
                }
            });
            follow.lines = logs.follow(tail, (LogLine line) -> sink.line(line.text()));
            if (runtimes.instance(instanceId).filter(instance -> !instance.state().terminal()).isEmpty()) {
                follow.end();
            }
            if (follow.over.get()) { // ended before both subscriptions were kept
                follow.states.close();
                follow.lines.close();
            }
            return follow;
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

    private static List<String> previousRun(Optional<Instance> instance, String container, String pod) {
        return instance.flatMap(Instance::lastTermination).map(Termination::lastLogLines)
                .orElseThrow(() -> ApiException.badRequest("previous terminated container \"" + container
                        + "\" in pod \"" + pod + "\" not found"));
    }
}
