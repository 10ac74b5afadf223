package dev.kumo.dataplane.router;

/**
 * The activator (Knative's activator, in process): it takes a request when its revision has no ready instance, or
 * when the autoscaler has put it in the revision's path. Such a request waits in the revision's queue until an
 * instance has a free slot: held at zero (the platform is asked for an instance, see {@link ActivatorState}) or
 * queued behind containerConcurrency, up to the router's maxHeldPerRevision (beyond: 503), until its timeout
 * (504). Every other request goes on to the {@link ConcurrencyLimit}, as Knative's requests bypass the activator
 * to reach a pod's queue-proxy. Both share the revision's one FIFO (see {@link WaitQueue}), so an arrival never
 * overtakes a request the activator holds.
 */
final class Activator implements Stage {

    @Override
    public void handle(Exchange exchange, Chain next) {
        GateContext revision = exchange.target().context();
        if (revision.activator().inPath() || revision.instances().current().length == 0) {
            exchange.target().gate().enter(exchange, next); // leases, now or once an instance is free
        } else {
            next.proceed(exchange);
        }
    }
}
