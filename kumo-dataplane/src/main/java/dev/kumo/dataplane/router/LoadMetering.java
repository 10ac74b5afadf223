package dev.kumo.dataplane.router;

/**
 * Counts the request towards its revision's load and meters from now until it ends, so that requests held or
 * queued count as in flight (as Knative's activator and queue-proxy count them). Runs once per request: retries
 * run only the later stages. Performance: plain fields of the loop's own meter, no lock.
 */
final class LoadMetering implements Stage {

    @Override
    public void handle(Exchange exchange, Chain next) {
        exchange.metered(exchange.target().stats(), System.nanoTime());
        next.proceed(exchange);
    }
}
