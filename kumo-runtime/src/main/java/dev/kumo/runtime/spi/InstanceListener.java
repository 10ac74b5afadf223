package dev.kumo.runtime.spi;

/** Told of every state change of every instance, in order per instance; must return quickly and not block. */
@FunctionalInterface
public interface InstanceListener {

    /** The instance changed state; the snapshot carries the new state. */
    void changed(Instance instance);
}
