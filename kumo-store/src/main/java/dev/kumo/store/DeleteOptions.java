package dev.kumo.store;

import java.util.Optional;

/**
 * How to delete: preconditions on uid and resourceVersion (Conflict if they do not hold) and what happens to
 * dependents (Kubernetes {@code propagationPolicy}).
 */
public record DeleteOptions(Optional<String> uid, Optional<String> resourceVersion, Propagation propagation) {

    /** What happens to objects whose ownerReferences point at the deleted one. */
    public enum Propagation { Background, Foreground, Orphan }

    public static final DeleteOptions DEFAULT =
            new DeleteOptions(Optional.empty(), Optional.empty(), Propagation.Background);
}
