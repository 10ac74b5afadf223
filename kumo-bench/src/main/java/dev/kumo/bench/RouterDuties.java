package dev.kumo.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Kumo's router does per HTTP/1.1 request besides forwarding, done on Netty's own objects for the ceiling's
 * "Netty + duties" row: the route looked up by Host, hop-by-hop headers removed and X-Forwarded-* / Forwarded added in
 * place, the instance's in-flight count, a first-byte timeout scheduled and cancelled, the latency recorded in a
 * pre-bound timer. An estimate of a Netty-level router path, not a router: nothing is answered on a timeout.
 */
final class RouterDuties {

    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    private static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    private static final AsciiString FORWARDED = AsciiString.cached("forwarded");
    private static final AsciiString HTTP = AsciiString.cached("http");
    private static final AsciiString[] HOP_BY_HOP = {HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
        HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.TE,
        HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE, AsciiString.cached("proxy-connection")};

    private final Map<String, AtomicInteger> routes;
    private final Timer latency;

    /** Routes {@code host} (its in-flight count); latencies go to a timer in {@code registry}. */
    RouterDuties(String host, MeterRegistry registry) {
        this.routes = Map.of(host, new AtomicInteger());
        this.latency = Timer.builder("ceiling_request_duration").register(registry);
    }

    /** One client connection's current request, as the router's exchange. */
    static final class Exchange {
        AtomicInteger inFlight;
        long startNanos;
        ScheduledFuture<?> firstByte;
        String forwardedFor;
    }

    void request(Channel client, HttpRequest request, Exchange exchange) {
        HttpHeaders headers = request.headers();
        String host = headers.get(HttpHeaderNames.HOST);
        int colon = host == null ? -1 : host.indexOf(':');
        AtomicInteger route = routes.get(colon < 0 ? host : host.substring(0, colon));
        if (route == null) {
            return; // the router would answer 404; the ceiling's load always has the route
        }
        exchange.startNanos = System.nanoTime();
        exchange.inFlight = route;
        route.incrementAndGet();
        exchange.firstByte = client.eventLoop().schedule(() -> { }, 300, TimeUnit.SECONDS);
        for (AsciiString name : HOP_BY_HOP) {
            headers.remove(name);
        }
        if (exchange.forwardedFor == null) {
            exchange.forwardedFor = ((InetSocketAddress) client.remoteAddress()).getAddress().getHostAddress();
        }
        headers.add(X_FORWARDED_FOR, exchange.forwardedFor).set(X_FORWARDED_PROTO, HTTP).set(X_FORWARDED_HOST, host)
                .add(FORWARDED, "for=" + exchange.forwardedFor + ";host=" + host + ";proto=http");
    }

    void responseHead(HttpResponse response, Exchange exchange) {
        if (exchange.firstByte != null) {
            exchange.firstByte.cancel(false);
            exchange.firstByte = null;
        }
        response.headers().remove(HttpHeaderNames.KEEP_ALIVE);
    }

    /**
     * The exchange's request was cut off before its response ended (the client or the instance closed): its
     * first-byte timer is cancelled and its in-flight count released, as the router does on close; no latency is
     * recorded. Does nothing once the response has ended.
     */
    void abandon(Exchange exchange) {
        if (exchange.firstByte != null) {
            exchange.firstByte.cancel(false);
            exchange.firstByte = null;
        }
        if (exchange.inFlight != null) {
            exchange.inFlight.decrementAndGet();
            exchange.inFlight = null;
        }
    }

    /** The requests to {@code host} whose response has not ended. */
    int inFlight(String host) {
        return routes.get(host).get();
    }

    void responseEnd(Exchange exchange) {
        if (exchange.inFlight != null) {
            exchange.inFlight.decrementAndGet();
            exchange.inFlight = null;
            latency.record(System.nanoTime() - exchange.startNanos, TimeUnit.NANOSECONDS);
        }
    }
}
