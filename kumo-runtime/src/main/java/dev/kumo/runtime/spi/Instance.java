package dev.kumo.runtime.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one instance of a revision: its id, state, how many times it was restarted and how its last run
 * ended (Kubernetes' {@code restartCount} and {@code lastState.terminated}), kept once it runs again, and the
 * health of each of its containers where a runtime tells them apart (empty: one container, the instance itself),
 * and how its images were had ({@link ImagePull}: the kubelet's Pulling/Pulled Events; empty for a process).
 */
public record Instance(String id, RevisionRef revision, InstanceState state, int restarts,
        Optional<Termination> lastTermination, List<ContainerHealth> containers, List<ImagePull> images) {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastTermination, "lastTermination");
        containers = List.copyOf(containers);
        images = List.copyOf(images);
    }

    /** An instance whose images are not reported (a process, or not had yet). */
    public Instance(String id, RevisionRef revision, InstanceState state, int restarts,
            Optional<Termination> lastTermination, List<ContainerHealth> containers) {
        this(id, revision, state, restarts, lastTermination, containers, List.of());
    }

    /** An instance whose containers are not told apart. */
    public Instance(String id, RevisionRef revision, InstanceState state, int restarts,
            Optional<Termination> lastTermination) {
        this(id, revision, state, restarts, lastTermination, List.of());
    }

    /** An instance whose process never ended. */
    public Instance(String id, RevisionRef revision, InstanceState state, int restarts) {
        this(id, revision, state, restarts, Optional.empty());
    }

    /** The address to send requests to, present only while the instance is ready. */
    public Optional<InstanceAddress> address() {
        return state instanceof InstanceState.Ready ready ? Optional.of(ready.address()) : Optional.empty();
    }

    /** This snapshot with another id (a runtime's id qualified where several runtimes run). */
    public Instance withId(String newId) {
        return new Instance(newId, revision, state, restarts, lastTermination, containers, images);
    }
}
