package dev.kumo.dataplane.router;

/**
 * When an instance cannot be connected to (so nothing was sent), runs the rest of the chain again, which leases
 * another instance; after {@code maxAttempts} answers 502.
 */
final class ConnectRetry implements Stage {

    private final int maxAttempts;

    ConnectRetry(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        exchange.onConnectFailure(cause -> {
            if (exchange.nextAttempt() >= maxAttempts) {
                exchange.fail(502, "connecting to revision " + exchange.target().revision() + " failed "
                        + maxAttempts + " times, last: " + cause.getMessage());
            } else {
                next.proceed(exchange);
            }
        });
        next.proceed(exchange);
    }
}
