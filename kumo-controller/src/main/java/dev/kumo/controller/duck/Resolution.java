package dev.kumo.controller.duck;

import java.net.URI;

/** A Destination resolved to a URI, or why it could not be (a message naming the ref or the URI). */
public sealed interface Resolution {

    /** The absolute URI events go to. */
    record Resolved(URI uri) implements Resolution {
    }

    /** Not resolvable now: the referenced object is missing, not addressable yet, or of a kind Kumo cannot address. */
    record Unresolved(String message) implements Resolution {
    }
}
