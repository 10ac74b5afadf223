package dev.kumo.apiserver.internal;

import dev.kumo.api.codec.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web dashboard at {@code /ui/}: its files (plain ES modules and CSS from the jar, read once), the login link's
 * page ({@code GET /ui/login?code=…}, which spends nothing: its script POSTs the code to {@code /ui/login}, which
 * answers with the session cookie, then goes to {@code /ui/}), the link's issue for the CLI
 * ({@code POST /ui/login-links}, token only) and the logout. Every path but the login's is behind the
 * {@link AccessGate}'s checks; the page itself reads the Kubernetes API with its cookie.
 */
public final class Dashboard {

    /** The login link's path. */
    static final String LOGIN = "/ui/login";
    /** The login page's script (as the page, open to all: it holds no data). */
    static final String LOGIN_SCRIPT = "/ui/login.js";
    /** The logout's path ({@code POST}). */
    static final String LOGOUT = "/ui/logout";
    private static final String LINKS = "/ui/login-links";
    private static final String PREFIX = "/ui/";
    private static final List<String> FILES = List.of("index.html", "app.js", "api.js", "charts.js", "views.js",
            "style.css", "login.html", "login.js",
            "rates.js", "serving-views.js", "logs.js", "usage.js",
            "flows.js", "flowgraphs.js", "graph.js", "traces.js");
    private static final int MAX_LOGIN_BYTES = 1024;
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    // The page runs only its own scripts and styles and talks only to its own origin; no page may frame it.
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final DashboardSessions sessions;
    private final boolean secure;
    private final Map<String, byte[]> files = new HashMap<>();

    /** The dashboard over {@code sessions}; {@code secure} when the API serves HTTPS (the cookie is then Secure). */
    public Dashboard(DashboardSessions sessions, boolean secure) {
        this.sessions = sessions;
        this.secure = secure;
        FILES.forEach(name -> files.put(name, resource(name)));
    }

    /** Whether {@code request} is the dashboard's. */
    public static boolean asked(HttpServerRequest request) {
        String path = request.path();
        return path != null && (path.equals("/ui") || path.startsWith(PREFIX));
    }

    /** Answers a request {@link #asked} says is the dashboard's; it has passed the gate. */
    public void serve(HttpServerRequest request) {
        String path = request.path();
        String method = request.method().name();
        HttpServerResponse response = request.response().putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
        if (path.equals(LOGIN) && method.equals("POST")) {
            login(request, response);
            return;
        }
        request.handler(ignored -> { });
        if (path.equals(LOGIN) && method.equals("GET")) {
            file("login.html", response);
        } else if (path.equals(LINKS) && method.equals("POST")) {
            String code = sessions.issueCode();
            response.setStatusCode(201).putHeader("Content-Type", "application/json").end(Json.write(Json.object()
                    .put("path", LOGIN + "?code=" + code)
                    .put("expiresInSeconds", DashboardSessions.LINK_LIFETIME.toSeconds())));
        } else if (path.equals(LOGOUT) && method.equals("POST")) {
            SessionOrTokenCheck.cookie(request.getHeader("Cookie") == null ? "" : request.getHeader("Cookie"))
                    .ifPresent(sessions::end);
            response.setStatusCode(200).putHeader("Set-Cookie", cookie("", 0)).putHeader("Content-Type",
                    "application/json").end("{\"signedOut\":true}");
        } else if (path.equals("/ui") && method.equals("GET")) {
            response.setStatusCode(301).putHeader("Location", PREFIX).end();
        } else if (method.equals("GET") || method.equals("HEAD")) {
            file(path.substring(PREFIX.length()), response);
        } else {
            response.setStatusCode(405).putHeader("Allow", "GET").end();
        }
    }

    /** Spends the code of the body {@code {"code": "…"}}: the session cookie, or 401 naming what to do. */
    private void login(HttpServerRequest request, HttpServerResponse response) {
        String length = request.getHeader("Content-Length");
        if (length == null || !length.matches("[0-9]{1,4}") || Integer.parseInt(length) > MAX_LOGIN_BYTES) {
            request.handler(ignored -> { });
            response.setStatusCode(413).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("a login is {\"code\": \"…\"} with a Content-Length of at most " + MAX_LOGIN_BYTES
                            + " bytes\n");
            return;
        }
        request.body().onSuccess(body -> {
            Optional<String> session = code(body).flatMap(sessions::redeem);
            if (session.isEmpty()) {
                response.setStatusCode(401).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("This login link was used already or has expired (links last "
                                + DashboardSessions.LINK_LIFETIME.toSeconds() + " s and open one session): run "
                                + "'kumo dashboard' for a new one.\n");
                return;
            }
            response.setStatusCode(204).putHeader("Set-Cookie", cookie(session.get(),
                    DashboardSessions.SESSION_LIFETIME.toSeconds())).end();
        });
    }

    private static Optional<String> code(Buffer body) {
        try {
            return Optional.of(Json.parseObject(body.toString()).path("code").asText()).filter(c -> !c.isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void file(String name, HttpServerResponse response) {
        String file = name.isEmpty() ? "index.html" : name;
        byte[] body = files.get(file);
        if (body == null) {
            response.setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("no such dashboard file: " + file + "\n");
            return;
        }
        response.setStatusCode(200).putHeader("Content-Type", TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
                .putHeader("Content-Security-Policy", POLICY).end(Buffer.buffer(body));
    }

    private String cookie(String value, long maxAgeSeconds) {
        return SessionOrTokenCheck.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static byte[] resource(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream("/dev/kumo/apiserver/dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the dashboard's " + name, e);
        }
    }
}
