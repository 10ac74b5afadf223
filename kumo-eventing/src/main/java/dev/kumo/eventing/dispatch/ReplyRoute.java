package dev.kumo.eventing.dispatch;

import java.net.URI;

/** Where a subscriber's reply goes: back into the broker (a Trigger), on to a URI, or nowhere (a channel). */
public sealed interface ReplyRoute {

    /** A Trigger's reply: stored back into its broker with one hop less of TTL. */
    record IntoBroker() implements ReplyRoute {
    }

    /** A channel Subscription's reply: POSTed to its reply URI with the subscription's retry rules. */
    record ToUri(URI uri) implements ReplyRoute {
    }

    /** A channel Subscription without reply: the reply is dropped, the delivery is done. */
    record Drop() implements ReplyRoute {
    }

    ReplyRoute INTO_BROKER = new IntoBroker();
    ReplyRoute DROP = new Drop();
}
