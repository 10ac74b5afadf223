package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.ApiServerConfig;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Where the gate takes the dashboard's session cookie in place of the token, and where it does not. */
class SessionOrTokenCheckTest {

    private static final DashboardSessions SESSIONS = new DashboardSessions(InstantSource.system());
    private static final String SESSION = SESSIONS.redeem(SESSIONS.issueCode()).orElseThrow();
    private static final String ENDED = SESSIONS.redeem(SESSIONS.issueCode()).orElseThrow();
    private static final AccessGate GATE = AccessGate.of(new ApiServerConfig("127.0.0.1", 7780, 1024,
            Optional.of("s3cret"), Optional.empty()), SESSIONS);
    private static final String OWN = "https://127.0.0.1:7780";

    static {
        SESSIONS.end(ENDED);
    }

    record Row(String name, String method, String path, Map<String, String> headers, int wanted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        String cookie = "theme=dark; kumo-session=" + SESSION;
        return Stream.of(
                new Row("the page's list", "GET", "/apis/serving.knative.dev/v1/services",
                        headers("cookie", cookie, "sec-fetch-site", "same-origin"), 0),
                new Row("the address bar", "GET", "/ui/", headers("cookie", cookie, "sec-fetch-site", "none"), 0),
                new Row("a client without fetch metadata", "GET", "/ui/", headers("cookie", cookie), 0),
                new Row("the page's fetch with its own Origin", "GET", "/api/v1/events",
                        headers("cookie", cookie, "origin", OWN), 0),
                new Row("the page's read of the Revisions' activity", "GET",
                        "/apis/serving.kumo.dev/v1alpha1/activity", headers("cookie", cookie, "sec-fetch-site",
                        "same-origin"), 0),
                new Row("the page's read of the usage", "GET", "/apis/usage.kumo.dev/v1alpha1/usage?since=1h",
                        headers("cookie", cookie, "sec-fetch-site", "same-origin"), 0),
                new Row("the page's follow of a Revision's log", "GET",
                        "/apis/serving.knative.dev/v1/namespaces/default/revisions/hello-00001/log?follow=true",
                        headers("cookie", cookie, "sec-fetch-site", "same-origin"), 0),
                new Row("the logout from the page", "POST", Dashboard.LOGOUT,
                        headers("cookie", cookie, "origin", OWN, "content-type", "application/json"), 0),
                new Row("the page's traces list", "GET", "/debug/traces",
                        headers("cookie", cookie, "sec-fetch-site", "same-origin"), 0),
                new Row("the page's trace", "GET", "/debug/traces/4bf92f3577b34da6a3ce929d0e0e4736",
                        headers("cookie", cookie, "sec-fetch-site", "same-origin"), 0),
                new Row("the page's delivery counts", "GET", "/debug/deliveries",
                        headers("cookie", cookie, "sec-fetch-site", "same-origin"), 0),
                new Row("another origin's read of the delivery counts", "GET", "/debug/deliveries",
                        headers("cookie", cookie, "origin", "http://127.0.0.1:3000"), 403),
                new Row("the delivery counts without credentials", "GET", "/debug/deliveries", headers(), 401),
                new Row("the login link's page", "GET", Dashboard.LOGIN, headers(), 0),
                new Row("the login page's script", "GET", Dashboard.LOGIN_SCRIPT, headers(), 0),
                new Row("the app's script without a session", "GET", "/ui/app.js", headers(), 401),
                new Row("the login link's POST", "POST", Dashboard.LOGIN,
                        headers("origin", OWN, "content-type", "application/json"), 0),
                new Row("a login POSTed by another origin", "POST", Dashboard.LOGIN,
                        headers("origin", "http://127.0.0.1:3000", "content-type", "application/json"), 403),
                new Row("no cookie", "GET", "/ui/", headers(), 401),
                new Row("an empty cookie", "GET", "/ui/", headers("cookie", "kumo-session="), 401),
                new Row("a guessed session", "GET", "/ui/", headers("cookie", "kumo-session=guess"), 401),
                new Row("a signed-out session", "GET", "/ui/", headers("cookie", "kumo-session=" + ENDED), 401),
                new Row("a same-site page on another port", "GET", "/api/v1/events",
                        headers("cookie", cookie, "sec-fetch-site", "same-site"), 401),
                new Row("a cross-site navigation", "GET", "/ui/",
                        headers("cookie", cookie, "sec-fetch-site", "cross-site"), 401),
                new Row("another origin's fetch", "GET", "/api/v1/events",
                        headers("cookie", cookie, "origin", "http://127.0.0.1:3000"), 403),
                new Row("a write with the cookie", "POST", "/apis/serving.knative.dev/v1/namespaces/default/services",
                        headers("cookie", cookie, "origin", OWN, "content-type", "application/json"), 401),
                new Row("a delete with the cookie", "DELETE", "/api/v1/namespaces/default",
                        headers("cookie", cookie), 401),
                new Row("a login link issued for a cookie", "POST", "/ui/login-links",
                        headers("cookie", cookie, "origin", OWN, "content-type", "application/json"), 401),
                new Row("the logout without an Origin", "POST", Dashboard.LOGOUT,
                        headers("cookie", cookie, "content-type", "application/json"), 401),
                new Row("the token still works", "POST", "/ui/login-links",
                        headers("authorization", "Bearer s3cret", "content-type", "application/json"), 0));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void decides(Row row) {
        Optional<ApiException> refusal = GATE.refusal(new RequestHead(row.method(), row.path(), row.headers()));
        assertThat(refusal.map(ApiException::code).orElse(0)).isEqualTo(row.wanted());
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new HashMap<>(Map.of("host", "127.0.0.1:7780"));
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
