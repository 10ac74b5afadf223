package dev.kumo.dataplane.router;

/** Admits a request of one revision to one of its instances, or queues, holds or rejects it. */
interface Gate {

    /** Leases an instance to {@code exchange} and proceeds with {@code next}, now or once an instance is free. */
    void enter(Exchange exchange, Chain next);

    /**
     * Leases an instance now if one admits a new request without waiting (and no request waits before it), else
     * returns null: the Netty front's question, which hands every other case to {@link #enter}'s path.
     */
    Instance tryLease();

    /** Returns the lease taken in {@link #enter}. */
    void release(Instance instance);

    /** Takes {@code instance} out of rotation for the ejection time and returns its lease. */
    void ejectAndRelease(Instance instance);

    /** Hands instances that became ready to the requests waiting for them. */
    void wake();
}
