package dev.kumo.dataplane.router;

/**
 * The gate for {@code containerConcurrency: 0}: no queue, no lock; each request goes to the least-loaded usable
 * instance. Performance: one atomic increment and one decrement per request.
 */
final class UnlimitedGate implements Gate {

    private final GateSettings settings;

    UnlimitedGate(GateSettings settings) {
        this.settings = settings;
    }

    @Override
    public void enter(Exchange exchange, Chain next) {
        Instance[] all = settings.instances().current();
        long now = settings.nanoClock().getAsLong();
        int i = LeastLoaded.pick(all.length, GateSettings.start(all.length), j -> all[j].usable(now),
                j -> all[j].inFlight(), 0);
        if (i < 0) {
            exchange.fail(503, settings.noEndpointMessage(all.length));
            return;
        }
        all[i].acquire();
        exchange.leased(this, all[i]);
        next.proceed(exchange);
    }

    @Override
    public void release(Instance instance) {
        instance.release();
    }

    @Override
    public void ejectAndRelease(Instance instance) {
        instance.eject(settings.nanoClock().getAsLong() + settings.ejectionNanos());
        instance.release();
    }
}
