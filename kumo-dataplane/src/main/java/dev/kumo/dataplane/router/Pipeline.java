package dev.kumo.dataplane.router;

import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The composition root of the request path: every stage, in order, in one place. */
final class Pipeline {

    /** Connection attempts per request before 502 (each on a freshly leased instance). */
    static final int MAX_CONNECT_ATTEMPTS = 3;

    private Pipeline() {
    }

    /**
     * {@code http1} and {@code h2c} are this event loop's clients to instances over HTTP/1.1 and h2c; with
     * {@code openTelemetry} other than the no-op one, tracing comes first (else it is not in the chain at all).
     */
    static Chain compose(Supplier<Routes> routes, HttpClient http1, HttpClient h2c,
            OpenTelemetry openTelemetry) {
        List<Stage> stages = new ArrayList<>(List.of(
                new HostRouting(routes),             // Host → route, else 404
                new TargetPick(),                    // route → revision by weight
                new LoadMetering(),                  // counts towards the revision's load from arrival to end
                new FirstByteTimeout(),              // 504 without a response head in timeoutSeconds
                new ConnectRetry(MAX_CONNECT_ATTEMPTS), // unreachable instance → eject, lease another
                new Activator(),                     // no ready instance, or in the path: waits for a free one
                new ConcurrencyLimit(),              // least-loaded instance; containerConcurrency queue / 503
                new ResponseTimeouts(),              // responseStartTimeoutSeconds, idleTimeoutSeconds from delivery
                new ProtocolSwitch(new UpgradeProxy(http1), new H2cProxy(h2c)), // WebSocket tunnel; h2c workload
                new Proxy(http1)));                  // stream request and response
        if (openTelemetry != OpenTelemetry.noop()) {
            stages.addFirst(new RequestTracing(openTelemetry)); // a span from arrival to the end, W3C context in
        }
        return Chain.of(stages);
    }
}
