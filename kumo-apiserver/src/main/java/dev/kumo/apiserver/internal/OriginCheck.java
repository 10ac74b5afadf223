package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.apiserver.AccessRules;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a request whose {@code Origin} header names an origin that is not configured: browsers add it to
 * cross-site requests (and to every POST), so a web page the user visits cannot drive the API; kubectl, the CLI and
 * other API clients send none, except the server's own origin: fabric8's kubernetes-client puts the API's URL in
 * the {@code Origin} of its WebSocket watches, and a page of that origin would be served by the API itself, which
 * serves none.
 */
final class OriginCheck implements RequestCheck {

    private final Set<String> allowed;

    /** Accepts the origins in {@code allowed} (as {@link AccessRules#origin} writes them). */
    OriginCheck(Set<String> allowed) {
        this.allowed = allowed;
    }

    @Override
    public Optional<ApiException> refusal(RequestHead request) {
        if (!request.has("origin") || allowed(request) || sameOrigin(request)) {
            return Optional.empty();
        }
        return Optional.of(new ApiException(StatusReason.Forbidden, "requests from the web origin \""
                + request.header("origin") + "\" are refused: web pages may call the API only from an origin the "
                + "server allows (kumo server --allowed-origin ORIGIN, config key allowed-origins)", "", "",
                List.of()));
    }

    /** Whether the origin's host and port are the request's {@code Host}: the server's own origin. */
    static boolean sameOrigin(RequestHead request) {
        String origin = AccessRules.origin(request.header("origin"));
        String host = request.header("host").trim().toLowerCase(Locale.ROOT);
        int scheme = origin.indexOf("://");
        return !host.isEmpty() && scheme > 0 && origin.substring(scheme + 3).equals(host);
    }

    /** Whether the request carries an origin the server allows. */
    boolean allowed(RequestHead request) {
        return allowed.contains(AccessRules.origin(request.header("origin")));
    }
}
