package dev.kumo.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.printing.TableProfile;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.config.ClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The few Kubernetes API calls the CLI makes. Failures come back as {@link ApiError} (the server's Status) or
 * {@link ServerUnreachable}; {@code Warning} headers go to the warnings sink. One-shot calls go over this machine's
 * server's unix socket when the config names one and it accepts ({@link SocketHttp}: no TLS, no JDK client), else
 * over the JDK client; watches and logs always take the JDK client.
 */
public final class ApiClient implements AutoCloseable {

    /** The field manager the CLI applies as. */
    public static final String FIELD_MANAGER = "kumo";
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io"
            + TableProfile.KN.mediaTypeParameter() + ",application/json";
    static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofMillis(200);

    private final ClientConfig config;
    private final Consumer<String> warnings;
    private final String userAgent;
    private HttpClient http;
    private boolean socketRefused;

    public ApiClient(ClientConfig config, Consumer<String> warnings, String userAgent) {
        this.config = config;
        this.warnings = warnings;
        this.userAgent = userAgent;
    }

    /**
     * The JDK client (and its TLS context), built on first use: calls over the local socket need neither. Its connect
     * timeout, which covers the TLS handshake, is client-go's handshake timeout (10 s): 5 s ran out on a cold JVM's
     * handshake with a loaded server.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
            config.certificateAuthority().ifPresent(ca -> builder.sslContext(TrustedCertificates.sslContext(ca)));
            http = builder.build();
        }
        return http;
    }

    /** The outcome of a server-side apply: the object the server stored, and whether it was created. */
    public record Applied(ObjectNode object, boolean created) {
    }

    public URI server() {
        return config.server();
    }

    /** One object; a missing one is an {@link ApiError} with the server's NotFound. */
    public ObjectNode get(ResourceType type, String namespace, String name) {
        return send(Call.of("GET", ResourcePaths.object(type, namespace, name), type, namespace)).body();
    }

    /** One object, or empty when the server says it does not exist. */
    public Optional<ObjectNode> find(ResourceType type, String namespace, String name) {
        try {
            return Optional.of(get(type, namespace, name));
        } catch (ApiError e) {
            if (e.status().isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The list of a kind in a namespace, or across all namespaces when the namespace is empty. */
    public ObjectNode list(ResourceType type, Optional<String> namespace, Optional<String> labelSelector) {
        String query = labelSelector.map(s -> "?labelSelector=" + URLEncoder.encode(s, StandardCharsets.UTF_8))
                .orElse("");
        return send(new Call("GET", ResourcePaths.collection(type, namespace) + query, "", "",
                Optional.of(type), namespace)).body();
    }

    /** The objects of a kind in {@code namespace} that a field selector picks ({@code involvedObject.name=x}). */
    public ObjectNode listByFields(ResourceType type, String namespace, String fieldSelector) {
        return send(new Call("GET", ResourcePaths.collection(type, Optional.of(namespace)) + "?fieldSelector="
                + URLEncoder.encode(fieldSelector, StandardCharsets.UTF_8), "", "", Optional.of(type),
                Optional.of(namespace))).body();
    }

    /**
     * A kind's objects (one when {@code name} is given) as the server's kn Table ({@code Accept: …;as=Table;…;
     * profile=kn}), the way kubectl asks for its own; in a namespace, or across all when it is empty.
     */
    public ObjectNode table(ResourceType type, Optional<String> namespace, Optional<String> name) {
        String path = name.map(n -> ResourcePaths.object(type, namespace.orElse(""), n))
                .orElseGet(() -> ResourcePaths.collection(type, namespace));
        return send(new Call("GET", path, "", "", Optional.of(type), namespace, TABLE)).body();
    }

    /** A kind's Table in a namespace (all when empty), of the objects matching {@code labelSelector} if given. */
    public ObjectNode selectedTable(ResourceType type, Optional<String> namespace, Optional<String> labelSelector) {
        String query = labelSelector.map(s -> "?labelSelector=" + URLEncoder.encode(s, StandardCharsets.UTF_8))
                .orElse("");
        return send(new Call("GET", ResourcePaths.collection(type, namespace) + query, "", "", Optional.of(type),
                namespace, TABLE)).body();
    }

    /** Server-side apply: the server creates the object (201) or merges the applied fields into it (200). */
    public Applied apply(ResourceType type, String namespace, String name, ObjectNode object) {
        String path = ResourcePaths.object(type, namespace, name) + "?fieldManager=" + FIELD_MANAGER
                + "&fieldValidation=Strict";
        Response response = send(new Call("PATCH", path, APPLY_PATCH, Json.write(object), Optional.of(type),
                Optional.of(namespace)));
        return new Applied(response.body(), response.code() == 201);
    }

    /** Creates an object (POST); a name already taken is an {@link ApiError} with the server's AlreadyExists. */
    public ObjectNode create(ResourceType type, String namespace, ObjectNode object) {
        return send(new Call("POST", ResourcePaths.collection(type, Optional.of(namespace)), "application/json",
                Json.write(object), Optional.of(type), Optional.of(namespace))).body();
    }

    /** Replaces an object (PUT); a stale {@code metadata.resourceVersion} is an {@link ApiError} with 409. */
    public ObjectNode replace(ResourceType type, String namespace, String name, ObjectNode object) {
        return send(new Call("PUT", ResourcePaths.object(type, namespace, name), "application/json",
                Json.write(object), Optional.of(type), Optional.of(namespace))).body();
    }

    /** One event of a watch: ADDED, MODIFIED or DELETED, with the object as it then was. */
    public record WatchEvent(String type, ObjectNode object) {
    }

    /**
     * Watches one object from a resourceVersion on, handing each changed object to {@code until} until it answers
     * true (then true is returned) or the server ends the stream after {@code timeout} (then false). An ERROR
     * event (such as 410 Gone for a resourceVersion too old) is thrown as an {@link ApiError}.
     */
    public boolean watch(ResourceType type, String namespace, String name, String resourceVersion, Duration timeout,
            Predicate<ObjectNode> until) {
        return watchWith(type, namespace, "fieldSelector=" + URLEncoder.encode("metadata.name=" + name,
                StandardCharsets.UTF_8), resourceVersion, timeout, event -> until.test(event.object()));
    }

    /**
     * Watches the objects of a kind in a namespace that carry the labels of {@code labelSelector}, from a
     * resourceVersion on, handing each event to {@code until}; otherwise as {@link #watch(ResourceType, String,
     * String, String, Duration, Predicate)}.
     */
    public boolean watchSelected(ResourceType type, String namespace, String labelSelector, String resourceVersion,
            Duration timeout, Predicate<WatchEvent> until) {
        return watchWith(type, namespace, "labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8),
                resourceVersion, timeout, until);
    }

    private boolean watchWith(ResourceType type, String namespace, String selector, String resourceVersion,
            Duration timeout, Predicate<WatchEvent> until) {
        String path = ResourcePaths.collection(type, Optional.of(namespace)) + "?watch=true&" + selector
                + "&resourceVersion=" + URLEncoder.encode(resourceVersion, StandardCharsets.UTF_8)
                + "&timeoutSeconds=" + Math.max(1, timeout.toSeconds());
        Call call = Call.of("GET", path, type, namespace);
        HttpResponse<Stream<String>> response = exchange(call, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() / 100 != 2) {
                String body = lines.collect(Collectors.joining("\n"));
                throw new ApiError(ApiStatus.parse(response.statusCode(), body, "GET " + path), call.type(),
                        call.namespace());
            }
            return lines.filter(line -> !line.isBlank()).map(Json::parseObject)
                    .anyMatch(event -> watched(event, call, until));
        } catch (UncheckedIOException e) {
            throw new ServerUnreachable(config.server(), "the watch broke off: " + e.getCause().getMessage(), e);
        }
    }

    private static boolean watched(ObjectNode event, Call call, Predicate<WatchEvent> until) {
        JsonNode object = event.path("object");
        if ("ERROR".equals(event.path("type").asText())) {
            throw new ApiError(ApiStatus.parse(object.path("code").asInt(500), Json.write(object), "watch"),
                    call.type(), call.namespace());
        }
        return object instanceof ObjectNode changed && until.test(new WatchEvent(event.path("type").asText(),
                changed));
    }

    /**
     * Streams a Revision's output, one {@code revision > instance | text} line at a time, to {@code sink}: the last
     * {@code tailLines} lines, then, when following, new lines until the server ends the stream.
     */
    public void revisionLog(String namespace, String revision, int tailLines, boolean follow, Consumer<String> sink) {
        log(ResourceTypes.REVISION, namespace, revision, tailLines, follow, sink);
    }

    /**
     * Streams the {@code log} subresource of an object of {@code type} (a Revision's, a BuildRun's) to {@code sink}
     * line by line: the last {@code tailLines} lines, then, when following, new lines until the server ends it.
     */
    public void log(ResourceType type, String namespace, String name, int tailLines, boolean follow,
            Consumer<String> sink) {
        log(type, namespace, name, "tailLines=" + tailLines + (follow ? "&follow=true" : ""), sink);
    }

    /** The same, with the log's parameters given as a query string ({@code tailLines=10&sinceSeconds=60…}). */
    public void log(ResourceType type, String namespace, String name, String query, Consumer<String> sink) {
        String path = ResourcePaths.object(type, namespace, name) + "/log?" + query;
        Call call = Call.of("GET", path, type, namespace);
        HttpResponse<Stream<String>> response = exchange(call, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() / 100 != 2) {
                String body = lines.collect(Collectors.joining("\n"));
                throw new ApiError(ApiStatus.parse(response.statusCode(), body, "GET " + path), call.type(),
                        call.namespace());
            }
            lines.forEach(sink);
        } catch (UncheckedIOException e) {
            throw new ServerUnreachable(config.server(), "the log stream broke off: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * The autoscaler's state of a Revision ({@code GET …/revisions/NAME/autoscaling}): desired and actual scale,
     * panic, activator, excess burst capacity and the last decisions. Empty when the server has none for it (404),
     * which includes servers that do not serve the subresource at all.
     */
    public Optional<ObjectNode> revisionAutoscaling(String namespace, String revision) {
        String path = ResourcePaths.object(ResourceTypes.REVISION, namespace, revision) + "/autoscaling";
        try {
            return Optional.of(send(Call.of("GET", path, ResourceTypes.REVISION, namespace)).body());
        } catch (ApiError e) {
            if (e.status().isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Deletes one object, letting the server collect its dependents in the background. */
    public ObjectNode delete(ResourceType type, String namespace, String name) {
        String body = Json.write(Json.object().put("propagationPolicy", "Background"));
        return send(new Call("DELETE", ResourcePaths.object(type, namespace, name), "application/json", body,
                Optional.of(type), Optional.of(namespace))).body();
    }

    /**
     * The recent traces the server keeps ({@code GET /debug/traces}, a {@code TraceList}), or with {@code traceId}
     * one of them ({@code GET /debug/traces/ID}, a {@code Trace}); a 404 names why (tracing off, trace not kept).
     */
    public ObjectNode traces(Optional<String> traceId) {
        String path = "/debug/traces" + traceId.map(id -> "/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .orElse("");
        return send(new Call("GET", path, "", "", Optional.empty(), Optional.empty())).body();
    }

    /** A one-time login link for the dashboard ({@code POST /ui/login-links}): its path and lifetime. */
    public ObjectNode dashboardLogin() {
        return send(new Call("POST", "/ui/login-links", "application/json", "{}", Optional.empty(), Optional.empty()))
                .body();
    }

    /**
     * The metered usage over {@code since} (a duration such as {@code 24h}) in {@code namespace}, every namespace when
     * empty: {@code GET /apis/usage.kumo.dev/v1alpha1/[namespaces/NS/]usage?since=…}, a {@code UsageReport}.
     */
    public ObjectNode usage(Optional<String> namespace, String since) {
        String path = "/apis/usage.kumo.dev/v1alpha1/" + namespace.map(ns -> "namespaces/"
                + URLEncoder.encode(ns, StandardCharsets.UTF_8) + "/").orElse("") + "usage?since="
                + URLEncoder.encode(since, StandardCharsets.UTF_8);
        return send(new Call("GET", path, "", "", Optional.empty(), Optional.empty())).body();
    }

    /** The server's {@code /version} document. */
    public ObjectNode version() {
        return send(new Call("GET", "/version", "", "", Optional.empty(), Optional.empty())).body();
    }

    /**
     * Stops the client's selector thread. A JVM exiting while that thread sits in {@code epoll_wait} waits up to
     * 300 ms for it (HotSpot's wait for threads in native code at exit), which was a third of every CLI call.
     */
    @Override
    public synchronized void close() {
        if (http == null) {
            return;
        }
        http.shutdownNow();
        try {
            http.awaitTermination(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Response send(Call call) {
        Answer response = overSocket(call).orElseGet(() -> {
            HttpResponse<String> answer = exchange(call, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(answer.statusCode(), answer.body(), answer.headers().allValues("Warning"));
        });
        response.warnings().forEach(h -> WarningHeaders.text(h).ifPresent(warnings));
        if (response.code() / 100 != 2) {
            throw new ApiError(ApiStatus.parse(response.code(), response.body(), call.method() + " "
                    + call.path()), call.type(), call.namespace());
        }
        try {
            return new Response(response.code(), AnswerJson.parseObject(response.body()));
        } catch (RuntimeException e) {
            throw new CliException("the server at " + config.server() + " answered " + call.method() + " "
                    + call.path() + " with something that is not a JSON object; is it a Kumo API server?");
        }
    }

    /**
     * The call over the local server's unix socket, when there is one and it accepts; empty otherwise (then nothing
     * was sent, and the call goes over TCP as ever). One refusal is enough for the rest of the invocation.
     */
    private Optional<Answer> overSocket(Call call) {
        if (config.localSocket().isEmpty() || socketRefused) {
            return Optional.empty();
        }
        Path socket = config.localSocket().get();
        List<String> headers = new ArrayList<>(List.of("Accept: " + call.accept(), "User-Agent: " + userAgent));
        config.token().ifPresent(token -> headers.add("Authorization: Bearer " + token));
        if (!call.body().isEmpty()) {
            headers.add("Content-Type: " + call.contentType());
        }
        try {
            Optional<PlainHttp.Response> response = SocketHttp.send(socket, call.method(), call.path(), headers,
                    call.body().getBytes(StandardCharsets.UTF_8), REQUEST_TIMEOUT);
            socketRefused = response.isEmpty();
            return response.map(r -> new Answer(r.code(), new String(r.body(), StandardCharsets.UTF_8),
                    r.headers().getOrDefault("warning", List.of())));
        } catch (AsynchronousCloseException e) {
            throw new ServerUnreachable(config.server(), "no answer within " + REQUEST_TIMEOUT.toSeconds()
                    + "s on its socket " + socket, e);
        } catch (IOException e) {
            throw new ServerUnreachable(config.server(), "its socket " + socket + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private <T> HttpResponse<T> exchange(Call call, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = request(call);
        try {
            return http().send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw new ServerUnreachable(config.server(), "connection timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ServerUnreachable(config.server(), "no answer within " + REQUEST_TIMEOUT.toSeconds() + "s", e);
        } catch (ConnectException e) {
            throw new ServerUnreachable(config.server(), "connection refused", e);
        } catch (IOException e) {
            TlsFailures.explain(config, e).ifPresent(tls -> {
                throw tls;
            });
            throw new ServerUnreachable(config.server(), e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private HttpRequest request(Call call) {
        String base = config.server().toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path()))
                .timeout(REQUEST_TIMEOUT).header("Accept", call.accept()).header("User-Agent", userAgent);
        config.token().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        if (call.body().isEmpty()) {
            return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", call.contentType())
                .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                .build();
    }

    private record Call(String method, String path, String contentType, String body, Optional<ResourceType> type,
            Optional<String> namespace, String accept) {

        Call(String method, String path, String contentType, String body, Optional<ResourceType> type,
                Optional<String> namespace) {
            this(method, path, contentType, body, type, namespace, "application/json");
        }

        static Call of(String method, String path, ResourceType type, String namespace) {
            return new Call(method, path, "", "", Optional.of(type), Optional.of(namespace));
        }
    }

    private record Response(int code, ObjectNode body) {
    }

    /** A response as either transport gives it: status, body text, {@code Warning} headers. */
    private record Answer(int code, String body, List<String> warnings) {
    }
}
