package dev.kumo.apiserver.internal;

import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.ApiServerConfig;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks every request passes before the API reads its body, in order: the {@code Host} header (DNS
 * rebinding), the {@code Origin} header (web pages), the bearer token when one is configured, and the media type of
 * writes. The first refusal is answered as a Kubernetes Status. A request from an allowed web origin gets the CORS
 * headers that let its page read the answer, and its preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) is answered here, before the token is asked for, as browsers send none.
 */
public final class AccessGate {

    private final HostCheck hosts;
    private final OriginCheck origins;
    private final List<RequestCheck> checks;

    private AccessGate(HostCheck hosts, OriginCheck origins, List<RequestCheck> checks) {
        this.hosts = hosts;
        this.origins = origins;
        this.checks = checks;
    }

    /** The checks {@code config} asks for: its host, its access rules and its token (no dashboard session). */
    public static AccessGate of(ApiServerConfig config) {
        return of(config, new DashboardSessions(java.time.InstantSource.system()));
    }

    /** The checks {@code config} asks for; the token may also be a dashboard session of {@code sessions}. */
    public static AccessGate of(ApiServerConfig config, DashboardSessions sessions) {
        Set<String> hosts = new HashSet<>(config.access().hosts());
        hosts.add(HostCheck.hostName(config.host().contains(":") && !config.host().startsWith("[")
                ? "[" + config.host() + "]" : config.host()));
        HostCheck hostCheck = new HostCheck(Set.copyOf(hosts));
        OriginCheck origins = new OriginCheck(config.access().origins());
        List<RequestCheck> checks = new ArrayList<>(List.of(hostCheck, origins));
        config.token().ifPresent(token -> checks.add(new SessionOrTokenCheck(new BearerTokenCheck(token), sessions)));
        checks.add(new ContentTypeCheck());
        return new AccessGate(hostCheck, origins, List.copyOf(checks));
    }

    /** Why {@code request} is refused, or empty when every check passes. */
    Optional<ApiException> refusal(RequestHead request) {
        return checks.stream().map(check -> check.refusal(request)).flatMap(Optional::stream).findFirst();
    }

    /** Answers a refused request or a preflight here; otherwise hands the request to {@code next}. */
    public void serve(HttpServerRequest request, Runnable next) {
        RequestHead head = RequestHead.of(request);
        if (head.has("origin") && origins.allowed(head)) {
            request.response().putHeader("Access-Control-Allow-Origin", head.header("origin"))
                    .putHeader("Vary", "Origin");
        }
        boolean preflight = head.method().equals("OPTIONS") && head.has("access-control-request-method")
                && head.has("origin") && origins.allowed(head);
        Optional<ApiException> refusal = preflight ? hosts.refusal(head) : refusal(head);
        if (refusal.isEmpty()) {
            if (preflight) {
                preflight(request);
            } else {
                next.run();
            }
            return;
        }
        request.handler(ignored -> { });
        request.response().setStatusCode(refusal.get().code()).putHeader("Content-Type", "application/json")
                .end(Json.write(StatusBodies.failure(refusal.get(), "")));
    }

    private static void preflight(HttpServerRequest request) {
        request.response().setStatusCode(204)
                .putHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
                .putHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept")
                .putHeader("Access-Control-Max-Age", "600").end();
    }
}
