package dev.kumo.runtime.spi;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/** A snapshot of one instance of a revision: its id, state and how many times it was restarted. */
public record Instance(String id, RevisionRef revision, InstanceState state, int restarts) {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(state, "state");
    }

    /** The address to send requests to, present only while the instance is ready. */
    public Optional<InetSocketAddress> address() {
        return state instanceof InstanceState.Ready ready ? Optional.of(ready.address()) : Optional.empty();
    }
}
