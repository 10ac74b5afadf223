package dev.kumo.dataplane.router;

/**
 * The gate for {@code containerConcurrency: N > 0}: at most N leases per instance, waiting requests in one FIFO
 * per revision, up to {@code maxQueuedPerInstance} per usable instance (the rest rejected with 503) or, while the
 * activator is in the path, up to the router's maxHeldPerRevision; with no ready instance requests are held
 * instead (see {@link WaitQueue}). A freed slot goes to the oldest waiter.
 */
final class LimitedGate implements Gate {

    private final GateContext context;
    private final GateSettings settings;
    private final WaitQueue waiters;

    LimitedGate(GateContext context, GateSettings settings) {
        this.context = context;
        this.settings = settings;
        this.waiters = new WaitQueue(this, context, settings.containerConcurrency(),
                settings.maxQueuedPerInstance());
    }

    @Override
    public void enter(Exchange exchange, Chain next) {
        waiters.enter(exchange, next);
    }

    @Override
    public Instance tryLease() {
        return waiters.tryAdmit();
    }

    @Override
    public void release(Instance instance) {
        waiters.release(instance);
    }

    @Override
    public void ejectAndRelease(Instance instance) {
        context.eject(instance, settings);
        release(instance);
    }

    @Override
    public void wake() {
        waiters.wake();
    }
}
