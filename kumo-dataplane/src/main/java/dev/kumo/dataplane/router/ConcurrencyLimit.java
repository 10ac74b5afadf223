package dev.kumo.dataplane.router;

/**
 * Leases the least-loaded instance of the revision within containerConcurrency through its gate, which may queue
 * (up to 10 per usable instance) or reject (503); a request the {@link Activator} already leased an instance to
 * goes straight on.
 */
final class ConcurrencyLimit implements Stage {

    @Override
    public void handle(Exchange exchange, Chain next) {
        if (exchange.instance() != null) {
            next.proceed(exchange);
        } else {
            exchange.target().gate().enter(exchange, next);
        }
    }
}
