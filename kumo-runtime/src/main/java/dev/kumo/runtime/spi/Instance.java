package dev.kumo.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one instance of a revision: its id, state, how many times it was restarted and how its last run
 * ended (Kubernetes' {@code restartCount} and {@code lastState.terminated}), kept once it runs again.
 */
public record Instance(String id, RevisionRef revision, InstanceState state, int restarts,
        Optional<Termination> lastTermination) {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastTermination, "lastTermination");
    }

    /** An instance whose process never ended. */
    public Instance(String id, RevisionRef revision, InstanceState state, int restarts) {
        this(id, revision, state, restarts, Optional.empty());
    }

    /** The address to send requests to, present only while the instance is ready. */
    public Optional<InstanceAddress> address() {
        return state instanceof InstanceState.Ready ready ? Optional.of(ready.address()) : Optional.empty();
    }
}
