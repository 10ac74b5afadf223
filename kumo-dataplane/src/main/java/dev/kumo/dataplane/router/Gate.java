package dev.kumo.dataplane.router;

/** Admits a request of one revision to one of its instances, or queues, holds or rejects it. */
interface Gate {

    /** Leases an instance to {@code exchange} and proceeds with {@code next}, now or once an instance is free. */
    void enter(Exchange exchange, Chain next);

    /** Returns the lease taken in {@link #enter}. */
    void release(Instance instance);

    /** Takes {@code instance} out of rotation for the ejection time and returns its lease. */
    default void ejectAndRelease(Instance instance) {
        instance.eject(settings().nanoClock().getAsLong() + settings().ejectionNanos());
        release(instance);
    }

    /** Hands instances that became ready to the requests waiting for them. */
    void wake();

    /** What the gate shares with the rest of its revision's request path. */
    GateSettings settings();
}
