package dev.kumo.dataplane.router;

/** Draws the revision by the host's traffic weights. */
final class TargetPick implements Stage {

    @Override
    public void handle(Exchange exchange, Chain next) {
        exchange.target(exchange.route().pick());
        next.proceed(exchange);
    }
}
