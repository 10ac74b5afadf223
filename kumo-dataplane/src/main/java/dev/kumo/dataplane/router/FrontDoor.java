package dev.kumo.dataplane.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.function.Supplier;

/**
 * The request path's decisions as the Netty front asks them ({@link FrontConnection}): the same {@link Routes},
 * weighted pick, activator and gate a Vert.x request goes through, answered at once — a lease on a ready instance
 * that admits the request now, or null for "hand it to the Vert.x router", which queues, holds, rejects or 404s.
 */
public final class FrontDoor {

    private final Supplier<Routes> routes;
    private final RequestTracing tracing;

    /** With {@code tracing} null, requests are not traced. */
    FrontDoor(Supplier<Routes> routes, RequestTracing tracing) {
        this.routes = routes;
        this.tracing = tracing;
    }

    /**
     * A lease for the request of {@code head} arriving on the event loop that meters in slot {@code loop}
     * ({@link Gates#meterSlots}), metered from now on; null when its route is unknown, its revision speaks h2c, has a response-start
     * or idle timeout ({@link dev.kumo.dataplane.api.RevisionSettings#timesResponses}) or has no ready
     * instance, or no instance admits it without waiting (a request waits before it, or every slot is taken); then a
     * route with several targets marks {@code head} with its draw ({@link FrontPick}).
     */
    public FrontLease admit(HttpRequest head, int loop) {
        HostRoute route = routes.get().find(HostHeader.routeKey(head.headers().get(HttpHeaderNames.HOST)));
        if (route == null) {
            return null;
        }
        int roll = route.targets().length == 1 ? 0 : HostRoute.roll();
        RevisionTarget target = route.pick(roll);
        // The activator in the path changes nothing for a request an instance admits at once (QueueAdmission):
        // only waiting requests are its, and a request never waits in the front.
        // The Vert.x router times responses (responseStart/idle timeouts) and speaks h2c; the front does neither.
        Instance instance = target.settings().h2c() || target.settings().timesResponses() ? null
                : target.gate().tryLease(); // null too with none ready
        if (instance == null) {
            if (route.targets().length > 1) {
                FrontPick.mark(head.headers(), roll); // the Vert.x router takes the same revision
            }
            return null;
        }
        return new FrontLease(target, instance, loop, System.nanoTime(), tracing == null ? null : tracing.begin(head));
    }
}
