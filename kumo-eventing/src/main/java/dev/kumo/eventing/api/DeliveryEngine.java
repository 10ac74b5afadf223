package dev.kumo.eventing.api;

/** Which client carries plain-HTTP deliveries; https and the rest always go through Vert.x's web client. */
public enum DeliveryEngine {
    /** Netty on Vert.x's event loops, kept-alive connections per loop (kumo-eventing's {@code dispatch.WireClient}); opt-in. */
    NETTY,
    /** Vert.x's core HTTP client: the default. */
    VERTX
}
