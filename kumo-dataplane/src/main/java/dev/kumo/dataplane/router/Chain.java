package dev.kumo.dataplane.router;

import java.util.List;

/**
 * The rest of the request path from one stage on. Built once per event loop, so proceeding allocates nothing; a
 * stage may proceed again with the same chain (a retry runs the later stages anew).
 */
final class Chain {

    private static final Chain END = new Chain(
            (exchange, next) -> exchange.fail(500, "the router's chain ended without an answer"), null);

    private final Stage stage;
    private final Chain next;

    private Chain(Stage stage, Chain next) {
        this.stage = stage;
        this.next = next;
    }

    /** The chain running {@code stages} in order. */
    static Chain of(List<Stage> stages) {
        Chain chain = END;
        for (int i = stages.size() - 1; i >= 0; i--) {
            chain = new Chain(stages.get(i), chain);
        }
        return chain;
    }

    void proceed(Exchange exchange) {
        stage.handle(exchange, next);
    }
}
