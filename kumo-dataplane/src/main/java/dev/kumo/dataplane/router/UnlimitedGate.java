package dev.kumo.dataplane.router;

/**
 * The gate for {@code containerConcurrency: 0}: each request goes to the least-loaded usable instance, with no
 * queue and no lock. Only when the revision has no ready instance does a request take the {@link WaitQueue}'s
 * lock, to be held until one is ready. Performance: one atomic increment and one decrement per request.
 */
final class UnlimitedGate implements Gate {

    private final GateContext context;
    private final GateSettings settings;
    private final WaitQueue waiters;

    UnlimitedGate(GateContext context, GateSettings settings) {
        this.context = context;
        this.settings = settings;
        this.waiters = new WaitQueue(this, context, 0, 0);
    }

    @Override
    public void enter(Exchange exchange, Chain next) {
        Instance[] all = context.instances().current();
        long now = context.nanoClock().getAsLong();
        int i = LeastLoaded.pick(all.length, LeastLoaded.randomStart(all.length), j -> all[j].usable(now),
                j -> all[j].inFlight(), 0);
        if (i >= 0) {
            all[i].acquire();
            exchange.leased(this, all[i]);
            next.proceed(exchange);
        } else if (all.length > 0) {
            exchange.fail(503, context.noEndpointMessage(all.length));
        } else {
            waiters.enter(exchange, next); // no ready instance: re-checked under the lock, then held
        }
    }

    @Override
    public Instance tryLease() {
        Instance[] all = context.instances().current();
        long now = context.nanoClock().getAsLong();
        int i = LeastLoaded.pick(all.length, LeastLoaded.randomStart(all.length), j -> all[j].usable(now),
                j -> all[j].inFlight(), 0);
        if (i < 0) {
            return null;
        }
        all[i].acquire();
        return all[i];
    }

    @Override
    public void release(Instance instance) {
        instance.release();
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
