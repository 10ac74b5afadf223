package dev.kumo.serving;

import dev.kumo.controller.revision.ContainerProblem;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.runtime.spi.ContainerHealth;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.Termination;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a runtime instance that is not running shows in its Revision's status: a first exit as the exit code and last
 * log lines (OOMKilled when the kernel killed it over its memory limit); a crash after a restart as Kubernetes'
 * CrashLoopBackOff, with the restart count and the back-off; a failure to run at all as the runtime's reason; an
 * instance that runs but cannot serve on its port (another process holds it, or it listens elsewhere) as the
 * runtime's reason and message.
 */
final class InstanceFailures {

    // One of the kubelet's words for a container that cannot run, then ": ", as the container runtime starts its
    // reasons (ErrImageNeverPull, OOMKilled, …); any other word (an exception's name) is part of the reason.
    private static final Pattern KUBELET_REASON = Pattern.compile("^(ErrImagePull|ImagePullBackOff|ErrImageNeverPull"
            + "|CreateContainerConfigError|InvalidImageName|CreateContainerError|OOMKilled|CrashLoopBackOff"
            + "|RunContainerError): (.+)$", Pattern.DOTALL);

    private InstanceFailures() {
    }

    /** The Revision's view of {@code state}, or empty while the instance is starting, ready or stopped. */
    static Optional<InstanceState> of(dev.kumo.runtime.spi.InstanceState state) {
        return switch (state) {
            case dev.kumo.runtime.spi.InstanceState.CrashLoopBackOff loop -> Optional.of(crashed(loop));
            case dev.kumo.runtime.spi.InstanceState.Failed failed -> Optional.of(
                    failed.termination().exitCode().isPresent() ? exited(failed.termination())
                            : cannotRun(failed.termination()));
            // It still runs (or will be restarted) and may heal: not permanent, so the Revision is looked at again.
            case dev.kumo.runtime.spi.InstanceState.Unhealthy unhealthy -> Optional.of(
                    new InstanceState.Failed(unhealthy.reason(), unhealthy.message()));
            default -> Optional.empty();
        };
    }

    /**
     * A run that could not start, as the runtime said it; a reason that starts with the kubelet's word for it
     * ({@code ErrImageNeverPull: …}, {@code CreateContainerConfigError: …}) gives the condition that word as its
     * reason and the rest as its message, as Kubernetes shows a waiting container.
     */
    private static InstanceState.Failed cannotRun(Termination termination) {
        Matcher kubelet = KUBELET_REASON.matcher(termination.reason());
        return kubelet.matches()
                ? InstanceState.Failed.permanent(kubelet.group(1), termination.message().substring(
                        kubelet.group(1).length() + 2))
                : InstanceState.Failed.permanent(termination.reason(), termination.message());
    }

    /**
     * The runtime counts the restart it is backing off for, so {@code restarts() - 1} restarts have happened: none
     * after the first crash (a single exit), at least one once it crashed again after being restarted.
     */
    private static InstanceState crashed(dev.kumo.runtime.spi.InstanceState.CrashLoopBackOff loop) {
        Termination last = loop.lastTermination();
        int restarted = loop.restarts() - 1;
        if (restarted < 1) {
            return exited(last);
        }
        return new InstanceState.CrashLoopBackOff(last.exitCode().orElse(-1), restarted,
                Duration.between(last.at(), loop.nextAttempt()), last.lastLogLines(), last.oomKilled());
    }

    /**
     * How the latest run of {@code instances} to end ended, in a line: Kubernetes' reason (OOMKilled, Error,
     * Completed), the exit code, when, and the runtime's reason; empty when no run ended.
     */
    static Optional<String> lastTermination(Collection<Instance> instances) {
        return instances.stream().flatMap(instance -> instance.lastTermination().stream())
                .max(Comparator.comparing(Termination::at))
                .map(InstanceFailures::terminated);
    }

    private static String terminated(Termination last) {
        String reason = last.oomKilled() ? "OOMKilled" : last.exitCode().orElse(-1) == 0 ? "Completed" : "Error";
        // The runtime's reason of an OOM kill starts with the word already.
        String detail = last.reason().startsWith(reason + ": ") ? last.reason().substring(reason.length() + 2)
                : last.reason();
        return reason + last.exitCode().stream().mapToObj(code -> ", exit code " + code).findFirst().orElse("")
                + ", at " + last.at() + ": " + detail;
    }

    /**
     * The sidecars of {@code instances} (every container but {@code servingContainer}) that ended and are not ready
     * again: OOMKilled, CrashLoopBackOff once restarted, else the exit; each named once.
     */
    static List<ContainerProblem> sidecarProblems(Collection<Instance> instances, String servingContainer) {
        Map<String, ContainerProblem> problems = new LinkedHashMap<>();
        for (Instance instance : instances) {
            for (ContainerHealth container : instance.containers()) {
                if (container.name().equals(servingContainer) || container.ready()
                        || container.lastTermination().isEmpty()) {
                    continue;
                }
                Termination last = container.lastTermination().get();
                String reason = last.oomKilled() ? "OOMKilled" : container.restarts() > 0 ? "CrashLoopBackOff"
                        : "ExitCode";
                String restarts = container.restarts() == 0 ? "" : " after " + container.restarts()
                        + (container.restarts() == 1 ? " restart" : " restarts");
                problems.putIfAbsent(container.name(), new ContainerProblem(container.name(), reason,
                        "ended" + restarts + ": " + last.message()));
            }
        }
        return List.copyOf(problems.values());
    }

    private static InstanceState exited(Termination termination) {
        return new InstanceState.Exited(termination.exitCode().orElse(-1), termination.lastLogLines(),
                termination.oomKilled());
    }
}
