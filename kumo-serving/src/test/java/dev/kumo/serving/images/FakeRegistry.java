package dev.kumo.serving.images;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry's v2 manifest endpoint and token service on loopback, keeping the distribution spec's semantics: tags
 * map to digests, a missing one is 404 with {@code MANIFEST_UNKNOWN} (no body on HEAD), and access is open, Basic,
 * or Bearer with a token that the token service hands out for the right user. It records what it was asked.
 */
final class FakeRegistry implements AutoCloseable {

    enum Auth { OPEN, BASIC, BEARER }

    static final String USER = "puller";
    static final String PASSWORD = "s3cret";
    private static final String TOKEN = "token-for-" + USER;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, String> tags = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Auth auth = Auth.OPEN;
    private volatile boolean silent;
    private volatile boolean holding;
    private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();

    FakeRegistry() {
        server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    int port() {
        return server.actualPort();
    }

    String host() {
        return "127.0.0.1:" + port();
    }

    void tag(String repository, String tag, String digest) {
        tags.put(repository + ":" + tag, digest);
    }

    void auth(Auth value) {
        auth = value;
    }

    /** Answers nothing from now on: a registry that hangs. */
    void hang() {
        silent = true;
    }

    /** Keeps answers back until {@link #release()}. */
    void hold() {
        holding = true;
    }

    void release() {
        holding = false;
        vertx.runOnContext(v -> held.forEach(this::answer));
    }

    /** What was asked, as {@code METHOD path?query Authorization Accept}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpServerRequest request) {
        requests.add(request.method() + " " + request.uri() + " " + request.getHeader("Authorization") + " "
                + request.getHeader("Accept"));
        if (silent) {
            return;
        }
        if (holding) {
            held.add(request);
            return;
        }
        answer(request);
    }

    private void answer(HttpServerRequest request) {
        if (request.path().equals("/token")) {
            token(request);
            return;
        }
        if (!authorized(request)) {
            request.response().setStatusCode(401).putHeader("WWW-Authenticate", challenge())
                    .putHeader("Content-Type", "application/json")
                    .end("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
            return;
        }
        String path = request.path();
        int manifests = path.indexOf("/manifests/");
        String digest = manifests < 0 ? null : tags.get(path.substring("/v2/".length(), manifests) + ":"
                + path.substring(manifests + "/manifests/".length()));
        if (digest == null) {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .end(request.method().name().equals("HEAD") ? "" : "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\","
                            + "\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"x\"}}]}");
            return;
        }
        request.response().putHeader("Docker-Content-Digest", digest)
                .putHeader("Content-Type", "application/vnd.oci.image.index.v1+json").end();
    }

    private String challenge() {
        return auth == Auth.BASIC ? "Basic realm=\"fake\""
                : "Bearer realm=\"http://" + host() + "/token\",service=\"fake-registry\",scope=\"repository:x:pull\"";
    }

    private boolean authorized(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        return switch (auth) {
            case OPEN -> true;
            case BASIC -> basic().equals(header);
            case BEARER -> ("Bearer " + TOKEN).equals(header);
        };
    }

    /** A pull token for the right user only, as Docker Hub's token service gives anonymous tokens elsewhere. */
    private void token(HttpServerRequest request) {
        if (!basic().equals(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"incorrect username or password\"}]}");
            return;
        }
        request.response().putHeader("Content-Type", "application/json").end("{\"token\":\"" + TOKEN + "\"}");
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
