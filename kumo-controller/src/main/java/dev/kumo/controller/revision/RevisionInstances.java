package dev.kumo.controller.revision;

import dev.kumo.api.serving.Revision;
import dev.kumo.controller.engine.NamespacedName;
import java.util.function.Consumer;

/**
 * What the Revision reconciler needs from a runtime (the process runtime implements it): keep a Revision's
 * instances running, say how many there are and how they are, and say when that changes. The implementation
 * decides how many instances a Revision gets (one for now; the autoscaler's count later) and reports it as
 * {@link Replicas#desired()}.
 */
public interface RevisionInstances {

    /**
     * Makes sure the Revision has its instances (one at least after it is first deployed) and reports them now;
     * idempotent. Throws if the runtime cannot be asked right now (the reconcile is retried).
     */
    InstanceReport ensure(Revision revision);

    /** Stops the Revision's instances and forgets it: the Revision was deleted. Idempotent. */
    void remove(NamespacedName revision);

    /** Registers the callback told the key of a Revision whose state changed. */
    void onChange(Consumer<NamespacedName> listener);
}
