package dev.kumo.dataplane.router;

/** Leases the least-loaded instance of the revision through its gate, which may queue, hold or reject (503). */
final class ConcurrencyLimit implements Stage {

    @Override
    public void handle(Exchange exchange, Chain next) {
        exchange.target().gate().enter(exchange, next);
    }
}
