package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The token check with the dashboard's two ways in: the login link ({@code /ui/login}: its page and script, which
 * hold no data, and the POST of its one-time code, which is the credential) and the session cookie that POST sets. The cookie is a browser's, so it is taken only where a
 * page of another origin cannot have sent it: reads and watches ({@code GET}/{@code HEAD}) and the logout, never
 * other writes (those need the token); no {@code Origin} but the server's own; and, where the browser says where
 * the request comes from ({@code Sec-Fetch-Site}), only from the server's own pages or the address bar — even a
 * same-site page on another port of this host is refused.
 */
final class SessionOrTokenCheck implements RequestCheck {

    /** The session cookie's name. */
    static final String COOKIE = "kumo-session";
    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private final BearerTokenCheck token;
    private final DashboardSessions sessions;

    SessionOrTokenCheck(BearerTokenCheck token, DashboardSessions sessions) {
        this.token = token;
        this.sessions = sessions;
    }

    @Override
    public Optional<ApiException> refusal(RequestHead request) {
        boolean login = request.path().equals(Dashboard.LOGIN)
                && (request.method().equals("GET") || request.method().equals("POST"))
                || request.path().equals(Dashboard.LOGIN_SCRIPT) && request.method().equals("GET");
        if (login || admitsCookie(request)) {
            return Optional.empty();
        }
        boolean page = request.path().equals("/ui") || request.path().startsWith("/ui/");
        return token.refusal(request).map(refusal -> page ? new ApiException(StatusReason.Unauthorized,
                "Unauthorized: the dashboard needs a session; run 'kumo dashboard' for a one-time login link (or "
                        + "send the token as 'Authorization: Bearer <token>')", "", "", List.of()) : refusal);
    }

    /** Whether {@code request} carries a live session cookie and comes from where the cookie may be taken. */
    boolean admitsCookie(RequestHead request) {
        Optional<String> session = cookie(request.header("cookie"));
        if (session.isEmpty() || !sessions.valid(session.get())) {
            return false;
        }
        String site = request.header("sec-fetch-site").toLowerCase(Locale.ROOT);
        if (request.has("sec-fetch-site") && !OWN_FETCH_SITES.contains(site)) {
            return false;
        }
        boolean logout = request.method().equals("POST") && request.path().equals(Dashboard.LOGOUT);
        if (logout) {
            return request.has("origin") && OriginCheck.sameOrigin(request);
        }
        return READS.contains(request.method()) && (!request.has("origin") || OriginCheck.sameOrigin(request));
    }

    /** The session cookie's value in a {@code Cookie} header, when there is one. */
    static Optional<String> cookie(String header) {
        return Arrays.stream(header.split(";")).map(String::trim).filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1)).filter(v -> !v.isEmpty()).findFirst();
    }
}
