package dev.kumo.controller.client;

import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.OwnerReference;

/** Controller owner references: the one owner that manages an object, blocking its deletion until it is gone. */
public final class Owners {

    private Owners() {
    }

    /** The reference a child stores to name {@code owner} as its controller. */
    public static OwnerReference controllerRef(HasMetadata owner) {
        return new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().name(), owner.metadata().uid(),
                true, true);
    }

    /** Whether {@code owner} is the controller of {@code object}. */
    public static boolean isControlledBy(HasMetadata object, HasMetadata owner) {
        return object.metadata().ownerReferencesOrEmpty().stream().anyMatch(ref -> Boolean.TRUE.equals(ref.controller())
                && owner.metadata().uid() != null && owner.metadata().uid().equals(ref.uid()));
    }
}
