package dev.kumo.dataplane.router;

/**
 * The gate for {@code containerConcurrency: N > 0}: at most N leases per instance, up to {@code maxQueued} waiting
 * requests per revision in FIFO order, the rest rejected with 503; with no ready instance requests are held
 * instead (see {@link WaitQueue}). A freed slot goes to the oldest waiter.
 */
final class LimitedGate implements Gate {

    private final GateSettings settings;
    private final WaitQueue waiters;

    LimitedGate(GateSettings settings, int concurrency, int maxQueued) {
        this.settings = settings;
        this.waiters = new WaitQueue(this, settings, concurrency, maxQueued);
    }

    @Override
    public void enter(Exchange exchange, Chain next) {
        waiters.enter(exchange, next);
    }

    @Override
    public void release(Instance instance) {
        waiters.release(instance);
    }

    @Override
    public void wake() {
        waiters.wake();
    }

    @Override
    public GateSettings settings() {
        return settings;
    }
}
