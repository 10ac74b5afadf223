package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.support.GrpcHealthClient;
import dev.kumo.runtime.support.LoopbackProbe;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Podman's REST API over its unix socket, one small typed call each, every answer a future. Errors are
 * {@link PodmanException}s carrying podman's message. Containers are removed through the Docker-compatible API,
 * whose forced delete returns at once (libpod's waits 10 s).
 */
public final class PodmanClient implements AutoCloseable {

    private static final String LIBPOD = "/v4.0.0/libpod";
    private static final String COMPAT = "/v4.0.0";
    // Every instance holds a wait and a log stream open: enough connections for a busy server.
    private static final int MAX_CONNECTIONS = 1024;
    private static final int READ_RETRIES = 2;

    private final Path socket;
    private final SocketAddress server;
    private final HttpClient http;
    private final GrpcHealthClient grpcHealth;
    private final LoopbackProbe probes;
    private CompletableFuture<Boolean> rootless;
    /** Where every call is made: one event loop for the pool's connections and the answers they carry. */
    private final Context context;

    public PodmanClient(Vertx vertx, Path socket) {
        this.socket = socket;
        // The probes of this podman's pods (through their published loopback ports) reuse its Vert.x.
        this.grpcHealth = GrpcHealthClient.over(vertx);
        this.probes = new LoopbackProbe(grpcHealth);
        this.server = SocketAddress.domainSocketAddress(socket.toString());
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS).setMaxWaitQueueSize(-1));
        this.context = vertx.getOrCreateContext();
    }

    /** The socket this client speaks to. */
    public Path socket() {
        return socket;
    }

    /** Probes of ports published on 127.0.0.1 (TCP, HTTP GET, gRPC health), closed with this client. */
    LoopbackProbe probes() {
        return probes;
    }

    /** Completes when podman answers {@code _ping}. */
    public CompletableFuture<Void> ping() {
        return call(HttpMethod.GET, LIBPOD + "/_ping", null, "pinging podman").thenApply(body -> null);
    }

    /** The host and store podman reports ({@code podman info}). */
    public CompletableFuture<JsonObject> info() {
        return json(HttpMethod.GET, LIBPOD + "/info", null, "reading podman's info");
    }

    /**
     * Whether podman runs rootless (its published ports then pass a userspace forwarder, {@link StartLook}), read from
     * its info once; true while unknown or when the info cannot be read.
     */
    synchronized CompletableFuture<Boolean> rootless() {
        if (rootless == null) {
            rootless = info().thenApply(StartLook::rootless).exceptionally(failure -> true);
        }
        return rootless;
    }

    /** Creates a pod from a libpod PodSpecGenerator; completes with its id. */
    public CompletableFuture<String> createPod(JsonObject spec) {
        return json(HttpMethod.POST, LIBPOD + "/pods/create", spec, "creating pod " + spec.getString("name"))
                .thenApply(answer -> answer.getString("Id"));
    }

    /** Starts a pod's infra container (and any others it has). */
    public CompletableFuture<Void> startPod(String name) {
        return call(HttpMethod.POST, LIBPOD + "/pods/" + name + "/start", null, "starting pod " + name)
                .thenApply(body -> null);
    }

    /** A pod as {@code podman pod inspect} shows it. */
    public CompletableFuture<JsonObject> inspectPod(String name) {
        return json(HttpMethod.GET, LIBPOD + "/pods/" + name + "/json", null, "inspecting pod " + name);
    }

    /** Removes a pod and its containers, killing what still runs. */
    public CompletableFuture<Void> deletePod(String name) {
        return call(HttpMethod.DELETE, LIBPOD + "/pods/" + name + "?force=true", null, "removing pod " + name)
                .thenApply(body -> null);
    }

    /** Creates a container from a libpod SpecGenerator; completes with its id. */
    public CompletableFuture<String> createContainer(JsonObject spec) {
        return json(HttpMethod.POST, LIBPOD + "/containers/create", spec, "creating container "
                + spec.getString("name") + " of image " + spec.getString("image")).thenApply(a -> a.getString("Id"));
    }

    /**
     * Initialises a created container without starting it: its storage mounted, conmon running and the OCI runtime's
     * {@code create} done, so that a {@link #startContainer} after only has the runtime's {@code start} left.
     */
    public CompletableFuture<Void> initContainer(String id) {
        return call(HttpMethod.POST, LIBPOD + "/containers/" + id + "/init", null, "initialising container " + id)
                .thenApply(body -> null);
    }

    /** Starts a created (or exited) container. */
    public CompletableFuture<Void> startContainer(String id) {
        return call(HttpMethod.POST, LIBPOD + "/containers/" + id + "/start", null, "starting container " + id)
                .thenApply(body -> null);
    }

    /** Sends the container's stop signal and kills it after {@code timeoutSeconds}. */
    public CompletableFuture<Void> stopContainer(String id, long timeoutSeconds) {
        return call(HttpMethod.POST, LIBPOD + "/containers/" + id + "/stop?timeout=" + timeoutSeconds, null,
                "stopping container " + id).thenApply(body -> null);
    }

    /** Sends a signal ({@code SIGKILL}, {@code SIGTERM}) to the container. */
    public CompletableFuture<Void> killContainer(String id, String signal) {
        return call(HttpMethod.POST, LIBPOD + "/containers/" + id + "/kill?signal=" + signal, null,
                "sending " + signal + " to container " + id).thenApply(body -> null);
    }

    /** A container as {@code podman inspect} shows it. */
    public CompletableFuture<JsonObject> inspectContainer(String id) {
        return json(HttpMethod.GET, LIBPOD + "/containers/" + id + "/json", null, "inspecting container " + id);
    }

    /**
     * A running container's stats now, in Docker's format ({@link ContainerStats}): one answer, not a stream, and at
     * once ({@code one-shot}: no second sample for {@code precpu_stats}, ~50 ms instead of ~200 ms).
     */
    public CompletableFuture<JsonObject> containerStats(String id) {
        return json(HttpMethod.GET, COMPAT + "/containers/" + id + "/stats?stream=false&one-shot=true", null,
                "reading the stats of container " + id);
    }

    /** Removes a container and its anonymous volumes, killing it if it runs. */
    public CompletableFuture<Void> deleteContainer(String id) {
        return call(HttpMethod.DELETE, COMPAT + "/containers/" + id + "?force=true&v=true", null,
                "removing container " + id).thenApply(body -> null);
    }

    /** Completes with the container's exit code once it has exited. */
    public CompletableFuture<Integer> waitContainer(String id) {
        return call(HttpMethod.POST, LIBPOD + "/containers/" + id + "/wait?condition=exited", null,
                "waiting for container " + id).thenApply(body -> Integer.parseInt(body.toString().trim()));
    }

    /** Containers (all, running or not) carrying every one of the labels. */
    public CompletableFuture<List<JsonObject>> listContainers(Map<String, String> labels) {
        return list(LIBPOD + "/containers/json?all=true&filters=" + labelFilter(labels), "listing containers");
    }

    /** Pods carrying every one of the labels. */
    public CompletableFuture<List<JsonObject>> listPods(Map<String, String> labels) {
        return list(LIBPOD + "/pods/json?filters=" + labelFilter(labels), "listing pods");
    }

    /** An image in local storage as {@code podman image inspect} shows it. */
    public CompletableFuture<JsonObject> inspectImage(String image) {
        return json(HttpMethod.GET, LIBPOD + "/images/" + encode(image) + "/json", null, "inspecting image " + image);
    }

    /**
     * Pulls the image unless it is in local storage; completes with podman's error if the pull failed (podman
     * answers 200 and reports a failed pull in the stream). Registries on loopback are reached without TLS.
     */
    public CompletableFuture<Void> pull(String image) {
        return pull(image, "missing", Optional.empty());
    }

    // Podman answers 200 and reports a failed pull in the stream.
    private static CompletableFuture<Void> pullOutcome(String image, Buffer body) {
        for (String line : body.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && new JsonObject(line).containsKey("error")) {
                return CompletableFuture.failedFuture(new PodmanException("pulling image " + image, 0,
                        new JsonObject(line).getString("error").trim()));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Pulls the image by podman's {@code policy} ({@code always}, {@code missing}), with the registry credentials
     * as an {@code X-Registry-Auth} header if given; fails with the registry's message as {@link #pull(String)}.
     */
    public CompletableFuture<Void> pull(String image, String policy, Optional<String> registryAuth) {
        String host = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
        boolean loopback = host.startsWith("127.0.0.1") || host.startsWith("localhost") || host.startsWith("[::1]");
        RequestOptions options = options(HttpMethod.POST, LIBPOD + "/images/pull?quiet=true&policy=" + policy
                + "&reference=" + encode(image) + (loopback ? "&tlsVerify=false" : ""));
        registryAuth.ifPresent(auth -> options.putHeader("X-Registry-Auth", auth));
        return call(options, null, "pulling image " + image).thenCompose(body -> pullOutcome(image, body));
    }

    /** Creates an exec session running {@code command} in the container; completes with the session's id. */
    public CompletableFuture<String> createExec(String container, List<String> command) {
        JsonObject spec = new JsonObject().put("Cmd", new JsonArray(command)).put("AttachStdout", true)
                .put("AttachStderr", true);
        return json(HttpMethod.POST, LIBPOD + "/containers/" + container + "/exec", spec, "creating an exec of "
                + command + " in container " + container).thenApply(answer -> answer.getString("Id"));
    }

    /** Runs an exec session attached; completes with its output (stdout and stderr as lines) once it ended. */
    public CompletableFuture<List<String>> startExec(String session) {
        List<String> output = new ArrayList<>();
        LogFrames frames = new LogFrames(output::add);
        // Podman hijacks the connection for the session's output and closes it after: never pool it.
        RequestOptions options = options(HttpMethod.POST, LIBPOD + "/exec/" + session + "/start")
                .putHeader("Connection", "close");
        JsonObject attached = new JsonObject().put("Detach", false).put("Tty", false);
        return call(options, attached, "running exec session " + session).thenApply(body -> {
            frames.feed(body);
            frames.end();
            return List.copyOf(output);
        });
    }

    /** An exec session as podman shows it ({@code ExitCode}, {@code Running}). */
    public CompletableFuture<JsonObject> inspectExec(String session) {
        return json(HttpMethod.GET, LIBPOD + "/exec/" + session + "/json", null, "inspecting exec session " + session);
    }

    /** Whether the image is in local storage. */
    public CompletableFuture<Boolean> imageExists(String image) {
        return call(HttpMethod.GET, LIBPOD + "/images/" + encode(image) + "/exists", null, "looking up image " + image)
                .thenApply(body -> true)
                .exceptionallyCompose(e -> cause(e) instanceof PodmanException p && p.notFound()
                        ? CompletableFuture.completedFuture(false) : CompletableFuture.failedFuture(cause(e)));
    }

    /**
     * Streams the container's stdout and stderr as lines (since the Unix time {@code sinceSeconds}, 0 for all),
     * following until it stops if asked; completes when the stream ends.
     */
    public CompletableFuture<Void> logs(String id, boolean follow, long sinceSeconds, Consumer<String> lines) {
        LogFrames frames = new LogFrames(lines);
        String uri = LIBPOD + "/containers/" + id + "/logs?stdout=true&stderr=true&follow=" + follow
                + (sinceSeconds > 0 ? "&since=" + sinceSeconds : "");
        CompletableFuture<Void> done = new CompletableFuture<>();
        stream(uri, "reading the logs of container " + id, frames::feed).onComplete(ended -> {
            frames.end();
            if (ended.succeeded()) {
                done.complete(null);
            } else {
                done.completeExceptionally(ended.cause());
            }
        });
        return done;
    }

    /** Follows podman's events matching the filters (libpod's names, e.g. {@code label}, {@code event}). */
    public Subscription events(JsonObject filters, Consumer<JsonObject> events) {
        StringBuilder line = new StringBuilder();
        String uri = LIBPOD + "/events?stream=true&filters=" + encode(filters.encode());
        CompletableFuture<HttpClientRequest> request = new CompletableFuture<>();
        stream(uri, "following podman's events", request::complete, chunk -> {
            // The chunks do not align with the JSON lines.
            line.append(chunk.toString(StandardCharsets.UTF_8));
            for (int end = line.indexOf("\n"); end >= 0; end = line.indexOf("\n")) {
                String text = line.substring(0, end).trim();
                line.delete(0, end + 1);
                if (!text.isEmpty()) {
                    events.accept(new JsonObject(text));
                }
            }
        });
        return () -> request.thenAccept(HttpClientRequest::reset);
    }

    @Override
    public void close() {
        grpcHealth.close();
        http.close();
    }

    private CompletableFuture<List<JsonObject>> list(String uri, String doing) {
        return call(HttpMethod.GET, uri, null, doing).thenApply(body -> {
            JsonArray items = body.length() == 0 ? new JsonArray() : body.toJsonArray();
            return items.stream().map(JsonObject.class::cast).toList();
        });
    }

    private CompletableFuture<JsonObject> json(HttpMethod method, String uri, JsonObject body, String doing) {
        return json(method, uri, body, doing, method == HttpMethod.GET ? READ_RETRIES : 0);
    }

    /**
     * A call whose answer is a JSON object. Podman has been seen (on a loaded machine) to answer a 2xx, and a 404,
     * with an empty body: a read is asked again, anything else fails naming the call and what came.
     */
    private CompletableFuture<JsonObject> json(HttpMethod method, String uri, JsonObject body, String doing,
            int retries) {
        return call(method, uri, body, doing).thenCompose(content -> {
            Optional<JsonObject> object = jsonObject(content);
            if (object.isPresent()) {
                return CompletableFuture.completedFuture(object.get());
            }
            return retries > 0 ? json(method, uri, body, doing, retries - 1)
                    : CompletableFuture.<JsonObject>failedFuture(new PodmanException(doing, "podman answered "
                            + (content.length() == 0 ? "an empty body" : "no JSON object: '"
                            + abbreviated(content.toString(StandardCharsets.UTF_8)) + "'")));
        }).exceptionallyCompose(failed -> cause(failed) instanceof PodmanException podman && podman.wordless()
                && retries > 0 ? json(method, uri, body, doing, retries - 1) : CompletableFuture.failedFuture(failed));
    }

    static Optional<JsonObject> jsonObject(Buffer content) {
        try {
            return content.length() == 0 ? Optional.empty() : Optional.of(content.toJsonObject());
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text.strip() : text.substring(0, 200).strip() + "…";
    }

    private CompletableFuture<Buffer> call(HttpMethod method, String uri, JsonObject body, String doing) {
        return call(options(method, uri), body, doing);
    }

    /**
     * One call, made on this client's context whatever thread asks: asked from threads outside Vert.x, a pooled
     * connection's answer could reach the response before its body was asked for, and the body read empty
     * (`PodmanAnswersIT` caught a JSON answer read as an empty body).
     */
    private CompletableFuture<Buffer> call(RequestOptions options, JsonObject body, String doing) {
        Promise<Buffer> answer = Promise.promise();
        context.runOnContext(ignored -> http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
                // 304: already so (a container started or stopped twice).
                .compose(response -> response.body().compose(content -> response.statusCode() < 300
                        || response.statusCode() == 304 ? Future.succeededFuture(content)
                        : Future.failedFuture(failure(doing, response, content))))
                .onComplete(answer));
        return completion(answer.future(), doing);
    }

    private Future<Void> stream(String uri, String doing, Consumer<Buffer> chunks) {
        return stream(uri, doing, request -> { }, chunks);
    }

    private Future<Void> stream(String uri, String doing, Consumer<HttpClientRequest> opened,
            Consumer<Buffer> chunks) {
        // The response's handlers set before the request is ended: set after send() returned, on a thread outside
        // Vert.x, the first chunks of a fast answer could arrive first and be dropped (as call's comment tells).
        return http.request(options(HttpMethod.GET, uri)).compose(request -> {
            opened.accept(request);
            Future<Void> streamed = request.response().compose(response -> {
                if (response.statusCode() >= 300) {
                    return response.body().compose(content -> Future.failedFuture(failure(doing, response, content)));
                }
                response.handler(chunks::accept);
                return response.end();
            });
            request.end();
            return streamed;
        });
    }

    private RequestOptions options(HttpMethod method, String uri) {
        return new RequestOptions().setServer(server).setMethod(method).setHost("podman").setURI(uri)
                .putHeader("Content-Type", "application/json");
    }

    private static PodmanException failure(String doing, HttpClientResponse response, Buffer content) {
        String message = content.toString(StandardCharsets.UTF_8).trim();
        try {
            JsonObject error = new JsonObject(message);
            message = error.getString("message", error.getString("cause", message));
        } catch (RuntimeException notJson) {
            // podman's message as it came
        }
        return new PodmanException(doing, response.statusCode(), message);
    }

    private static <T> CompletableFuture<T> completion(Future<T> future, String doing) {
        CompletableFuture<T> result = new CompletableFuture<>();
        future.onComplete(done -> {
            if (done.succeeded()) {
                result.complete(done.result());
            } else {
                Throwable cause = done.cause();
                result.completeExceptionally(cause instanceof PodmanException ? cause
                        : new PodmanException(doing, cause));
            }
        });
        return result;
    }

    /** The failure inside a {@link java.util.concurrent.CompletionException}, or the failure itself. */
    static Throwable cause(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    private static String labelFilter(Map<String, String> labels) {
        JsonArray values = new JsonArray();
        labels.forEach((key, value) -> values.add(key + "=" + value));
        return encode(new JsonObject().put("label", values).encode());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
