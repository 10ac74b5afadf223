package dev.kumo.dataplane.router;

/** One concern of the request path; it answers the exchange itself or hands it to {@code next}. */
@FunctionalInterface
interface Stage {

    void handle(Exchange exchange, Chain next);
}
