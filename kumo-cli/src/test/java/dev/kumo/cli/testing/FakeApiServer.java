package dev.kumo.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.printing.TableProfile;
import dev.kumo.api.printing.Tables;
import dev.kumo.api.registry.BuiltInKinds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Kubernetes API server in memory, for the calls the CLI makes, with their real semantics: GET of an object
 * (404 Status when absent), lists (by namespace or across all, equality label selectors), server-side apply
 * (upsert: 201 created, 200 merged; resourceVersion moves only when something changed, generation only when the
 * spec did), POST (409 AlreadyExists), PUT (409 Conflict on a stale resourceVersion), DELETE, {@code /version};
 * bearer token checks and {@code Warning} headers on request; a Revision's {@code autoscaling} subresource once a
 * test gives its state (like a server without it before: 404). Every request is recorded.
 */
public final class FakeApiServer implements ApiServerUnderTest {

    /** The creation time of every object this server stores, so that tests can fix the CLI's clock after it. */
    public static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private static final Kinds KINDS = BuiltInKinds.all();

    private final HttpServer server;
    private final Map<String, ObjectNode> objects = new ConcurrentSkipListMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong resourceVersion = new AtomicLong(100);
    private volatile String token = "";
    private volatile String warning = "";
    private final AtomicInteger conflictingPuts = new AtomicInteger();
    private final Map<String, ObjectNode> autoscaling = new ConcurrentSkipListMap<>();

    private FakeApiServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static FakeApiServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeApiServer fake = new FakeApiServer(http);
            http.createContext("/", fake::handle);
            http.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requires {@code Authorization: Bearer token} on every request from now on. */
    public FakeApiServer requireToken(String token) {
        this.token = token;
        return this;
    }

    /** Adds {@code Warning: 299 - "text"} to every write's response. */
    public FakeApiServer warnOnWrites(String text) {
        this.warning = text;
        return this;
    }

    /** Answers the next {@code count} PUTs with 409 Conflict, as if another writer had just won each time. */
    public FakeApiServer conflictOnNextPuts(int count) {
        conflictingPuts.set(count);
        return this;
    }

    /** Serves {@code state} as the Revision's {@code GET …/revisions/NAME/autoscaling}. */
    public FakeApiServer autoscaling(String namespace, String revision, ObjectNode state) {
        autoscaling.put(namespace + "/" + revision, state.deepCopy());
        return this;
    }

    @Override
    public void seed(ResourceType type, ObjectNode object) {
        ObjectNode stored = object.deepCopy();
        ObjectNode metadata = stored.withObjectProperty("metadata");
        stamp(metadata);
        objects.put(FakePath.key(type, metadata.path("namespace").asText(""), metadata.path("name").asText()),
                stored);
    }

    /** The stored object, if any. */
    public Optional<ObjectNode> stored(ResourceType type, String namespace, String name) {
        return Optional.ofNullable(objects.get(FakePath.key(type, namespace, name))).map(ObjectNode::deepCopy);
    }

    /** The requests received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), Optional.ofNullable(exchange.getRequestURI()
                    .getRawQuery()).orElse(""), header(exchange, "Content-Type"), header(exchange, "Authorization"),
                    body);
            requests.add(request);
            Reply reply = route(request, header(exchange, "Accept"));
            if (reply.code() / 100 == 2 && !warning.isEmpty() && !request.method().equals("GET")) {
                exchange.getResponseHeaders().add("Warning", "299 - \"" + warning + "\"");
            }
            byte[] bytes = Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.code(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply route(RecordedRequest request, String accept) {
        if (!token.isEmpty() && !request.authorization().equals("Bearer " + token)) {
            return Reply.status(401, "Unauthorized", "Unauthorized", null, null);
        }
        if (request.path().equals("/version")) {
            return new Reply(200, Json.object().put("major", "1").put("minor", "32")
                    .put("gitVersion", "v1.32.0-kumo.fake"));
        }
        if (request.path().endsWith("/autoscaling") && !autoscaling.isEmpty()) {
            return autoscaling(request);
        }
        Optional<FakePath> parsed = FakePath.parse(request.path());
        if (parsed.isEmpty()) {
            return Reply.status(404, "NotFound", "the server could not find the requested resource", null, null);
        }
        FakePath path = parsed.get();
        if (request.method().equals("GET") && accept.contains("as=Table")) {
            return table(path, query(request.query(), "labelSelector"), TableProfile.fromAccept(accept));
        }
        return switch (request.method()) {
            case "GET" -> path.name().isPresent() ? get(path) : list(path, query(request.query(), "labelSelector"),
                    query(request.query(), "fieldSelector"));
            case "PATCH" -> apply(path, request);
            case "POST" -> create(path, Json.parseObject(request.body()));
            case "PUT" -> replace(path, Json.parseObject(request.body()));
            case "DELETE" -> delete(path);
            default -> Reply.status(405, "MethodNotAllowed", request.method() + " is not supported here", null,
                    null);
        };
    }

    /** As Kumo answers it: 404 for a missing Revision or one without a state, 405 for anything but GET. */
    private Reply autoscaling(RecordedRequest request) {
        Optional<FakePath> revision = FakePath.parse(request.path().substring(0,
                request.path().length() - "/autoscaling".length()));
        if (revision.isEmpty() || !revision.get().type().kind().equals("Revision")) {
            return Reply.status(404, "NotFound", "the server could not find the requested resource", null, null);
        }
        if (!request.method().equals("GET")) {
            return Reply.status(405, "MethodNotAllowed", request.method() + " is not supported here", null, null);
        }
        if (!objects.containsKey(revision.get().key())) {
            return notFound(revision.get());
        }
        String name = revision.get().name().orElseThrow();
        ObjectNode state = autoscaling.get(revision.get().namespace().orElse("") + "/" + name);
        return state == null ? Reply.status(404, "NotFound", "revisions.serving.knative.dev \"" + name + "\" has no "
                + "autoscaling state: the autoscaler is not scaling it (yet)", revision.get().type(), name)
                : new Reply(200, state.deepCopy());
    }

    private Reply get(FakePath path) {
        ObjectNode object = objects.get(path.key());
        return object == null ? notFound(path) : new Reply(200, object.deepCopy());
    }

    private Reply list(FakePath path, String selector) {
        return list(path, selector, "");
    }

    /** A list; {@code fields} holds equality terms ({@code involvedObject.name=x,…}) on the objects' fields. */
    private Reply list(FakePath path, String selector, String fields) {
        ObjectNode list = Json.object().put("apiVersion", path.type().apiVersion())
                .put("kind", path.type().listKind());
        list.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion.get()));
        ArrayNode items = list.putArray("items");
        String prefix = path.type().storageKey() + "/" + path.namespace().map(ns -> ns + "/").orElse("");
        objects.forEach((key, object) -> {
            if (key.startsWith(prefix) && FakeObjects.matches(object, selector) && fieldsMatch(object, fields)) {
                items.add(object.deepCopy());
            }
        });
        return new Reply(200, list);
    }

    /** A Table of the list or object, with the columns the kind's definition declares, as Kumo's server builds it. */
    private Reply table(FakePath path, String selector, TableProfile profile) {
        Reply read = path.name().isPresent() ? get(path) : list(path, selector);
        if (read.code() != 200) {
            return read;
        }
        List<JsonNode> objects = new ArrayList<>();
        if (path.name().isPresent()) {
            objects.add(read.body());
        } else {
            read.body().path("items").forEach(objects::add);
        }
        KindDefinition kind = KINDS.find(path.type().group(), path.type().version(), path.type().plural())
                .orElseThrow();
        return new Reply(200, Tables.table(kind.printing().columns(profile), objects, resourceVersion.get(),
                Instant.now()));
    }

    private Reply apply(FakePath path, RecordedRequest request) {
        if (!request.contentType().startsWith("application/apply-patch+yaml")) {
            return Reply.status(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                    + "accepted media types include: application/apply-patch+yaml", null, null);
        }
        if (query(request.query(), "fieldManager").isEmpty()) {
            return Reply.status(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: "
                    + "Required value: is required for apply patch", null, null);
        }
        ObjectNode body = Json.parseObject(request.body());
        ObjectNode existing = objects.get(path.key());
        if (existing == null) {
            ObjectNode created = body.deepCopy();
            ObjectNode metadata = created.withObjectProperty("metadata");
            path.namespace().ifPresent(ns -> metadata.put("namespace", ns));
            stamp(metadata);
            objects.put(path.key(), created);
            return new Reply(201, created.deepCopy());
        }
        ObjectNode merged = existing.deepCopy();
        FakeObjects.mergePatch(merged, body);
        if (merged.equals(existing)) {
            return new Reply(200, existing.deepCopy());
        }
        ObjectNode metadata = merged.withObjectProperty("metadata");
        metadata.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
        if (!merged.path("spec").equals(existing.path("spec"))) {
            metadata.put("generation", existing.path("metadata").path("generation").asLong(1) + 1);
        }
        objects.put(path.key(), merged);
        return new Reply(200, merged.deepCopy());
    }

    private Reply create(FakePath path, ObjectNode body) {
        ObjectNode created = body.deepCopy();
        ObjectNode metadata = created.withObjectProperty("metadata");
        path.namespace().ifPresent(ns -> metadata.put("namespace", ns));
        String key = FakePath.key(path.type(), metadata.path("namespace").asText(""), metadata.path("name").asText());
        if (objects.containsKey(key)) {
            return Reply.status(409, "AlreadyExists", path.type().plural() + "." + path.type().group() + " \""
                    + metadata.path("name").asText() + "\" already exists", path.type(),
                    metadata.path("name").asText());
        }
        stamp(metadata);
        objects.put(key, created);
        return new Reply(201, created.deepCopy());
    }

    /** PUT: the body's resourceVersion must be the stored one (409 Conflict otherwise), as on a real server. */
    private Reply replace(FakePath path, ObjectNode body) {
        ObjectNode existing = objects.get(path.key());
        if (existing == null) {
            return notFound(path);
        }
        String version = body.path("metadata").path("resourceVersion").asText("");
        boolean induced = conflictingPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (induced || !version.equals(existing.path("metadata").path("resourceVersion").asText())) {
            return Reply.status(409, "Conflict", "Operation cannot be fulfilled on " + path.type().plural()
                    + " \"" + path.name().orElseThrow() + "\": the object has been modified; please apply your "
                    + "changes to the latest version and try again", path.type(), path.name().orElseThrow());
        }
        ObjectNode replaced = body.deepCopy();
        replaced.set("status", existing.path("status"));
        ObjectNode metadata = replaced.withObjectProperty("metadata");
        metadata.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
        long generation = existing.path("metadata").path("generation").asLong(1);
        metadata.put("generation", replaced.path("spec").equals(existing.path("spec")) ? generation : generation + 1);
        objects.put(path.key(), replaced);
        return new Reply(200, replaced.deepCopy());
    }

    private Reply delete(FakePath path) {
        ObjectNode removed = objects.remove(path.key());
        return removed == null ? notFound(path) : new Reply(200, removed);
    }

    private void stamp(ObjectNode metadata) {
        if (!metadata.has("uid")) {
            metadata.put("uid", UUID.randomUUID().toString());
        }
        if (!metadata.has("creationTimestamp")) {
            metadata.put("creationTimestamp", CREATED.toString());
        }
        if (!metadata.has("generation")) {
            metadata.put("generation", 1);
        }
        metadata.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
    }

    private static Reply notFound(FakePath path) {
        String resource = path.type().group().isEmpty() ? path.type().plural()
                : path.type().plural() + "." + path.type().group();
        String name = path.name().orElseThrow();
        return Reply.status(404, "NotFound", resource + " \"" + name + "\" not found", path.type(), name);
    }

    private static boolean fieldsMatch(JsonNode object, String fields) {
        for (String term : fields.split(",")) {
            String[] kv = term.split("=", 2);
            if (kv.length == 2 && !object.at("/" + kv[0].replace('.', '/')).asText("").equals(kv[1])) {
                return false;
            }
        }
        return true;
    }

    private static String query(String query, String parameter) {
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(parameter)) {
                return kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return "";
    }

    private static String header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)).orElse("");
    }

    /** A response: code and JSON body. */
    private record Reply(int code, JsonNode body) {

        /** A Kubernetes failure Status, with details naming the kind (plural, as Kubernetes does) and name. */
        static Reply status(int code, String reason, String message, ResourceType type, String name) {
            ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
            status.putObject("metadata");
            status.put("status", "Failure").put("message", message).put("reason", reason);
            if (type != null) {
                ObjectNode details = status.putObject("details").put("name", name).put("kind", type.plural());
                if (!type.group().isEmpty()) {
                    details.put("group", type.group());
                }
            }
            status.put("code", code);
            return new Reply(code, status);
        }
    }
}
