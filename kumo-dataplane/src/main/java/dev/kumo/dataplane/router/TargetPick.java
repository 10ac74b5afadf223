package dev.kumo.dataplane.router;

/** Draws the revision by the host's traffic weights, or takes the Netty front's draw ({@link FrontPick}). */
final class TargetPick implements Stage {

    @Override
    public void handle(Exchange exchange, Chain next) {
        int roll = exchange.frontRoll();
        exchange.target(roll < 0 ? exchange.route().pick() : exchange.route().pick(roll));
        next.proceed(exchange);
    }
}
