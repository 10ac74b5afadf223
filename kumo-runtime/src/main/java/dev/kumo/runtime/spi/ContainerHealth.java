package dev.kumo.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * How one container of an instance is doing, as a pod's {@code containerStatuses[]}: ready, restarts and how its
 * last run ended.
 */
public record ContainerHealth(String name, boolean ready, int restarts, Optional<Termination> lastTermination) {

    public ContainerHealth {
        Objects.requireNonNull(name, "name");
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must not be negative, got " + restarts);
        }
        Objects.requireNonNull(lastTermination, "lastTermination");
    }
}
