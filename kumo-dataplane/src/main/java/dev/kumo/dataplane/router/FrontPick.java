package dev.kumo.dataplane.router;

import io.netty.handler.codec.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The weighted draw the Netty front made for a request it hands to the Vert.x router, so that the request keeps its
 * revision and a traffic split stays as configured: carried in a header that the front strips from every request it
 * reads, and that the internal listener alone honours, on a relayed connection's first request only (the later ones
 * are the client's bytes, unread by the front).
 */
public final class FrontPick {

    /** The header: the draw, 0–99, over the host's weights. */
    public static final String HEADER = "kumo-front-roll";

    private FrontPick() {
    }

    /** Removes the header a client may have sent (the front's requests carry only the front's own). */
    public static void strip(HttpHeaders headers) {
        headers.remove(HEADER);
    }

    /** Marks {@code headers} with the front's draw {@code roll}. */
    static void mark(HttpHeaders headers, int roll) {
        headers.set(HEADER, Integer.toString(roll));
    }

    /**
     * The draw carried by {@code request}, a relayed connection's {@code first} HTTP/1.x request, else -1; the
     * header is removed either way, so no instance sees it.
     */
    static int take(HttpServerRequest request, boolean first) {
        String value = request.headers().get(HEADER);
        if (value == null) {
            return -1;
        }
        request.headers().remove(HEADER);
        if (!first || request.version() == HttpVersion.HTTP_2) {
            return -1;
        }
        try {
            int roll = Integer.parseInt(value);
            return roll >= 0 && roll < 100 ? roll : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
