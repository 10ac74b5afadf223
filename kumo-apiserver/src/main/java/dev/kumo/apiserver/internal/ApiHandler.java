package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.apiextensions.ApiExtensionsKinds;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.rbac.authorizer.UserInfo;
import dev.kumo.apiserver.ApiServerConfig;
import dev.kumo.apiserver.DeliveryCountsView;
import dev.kumo.apiserver.MetricsScrape;
import dev.kumo.apiserver.PodLogs;
import dev.kumo.apiserver.RequestMetrics;
import dev.kumo.apiserver.RequestTracing;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.apiserver.ActivityView;
import dev.kumo.apiserver.TraceView;
import dev.kumo.apiserver.UsageView;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.ConvertingStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.rbac.StoredRbacPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes one request to discovery, OpenAPI, version or resource endpoints, and turns failures into Status. */
public final class ApiHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Kinds kinds;
    private final DiscoveryDocs discovery;
    private final AggregatedDiscovery aggregatedDiscovery;
    private final SchemaDocuments schemas;
    private final Reads reads;
    private final Writes writes;
    private final Patches patches;
    private final RevisionSubresources revisionSubresources;
    private final Map<ResourceType, RevisionLogs> kindLogs;
    private final ScaleSubresource scales;
    private final PodLog podLog;
    private final Optional<MetricsScrape> metrics;
    private final RbacAuthorizer authorizer;
    private final BindingEscalation escalation;
    private final RoleEscalation roleEscalation;
    private final AccessReviews reviews;
    private final Optional<TraceView> traces;
    private final Optional<DeliveryCountsView> deliveries;
    private final RequestMetrics requestMetrics;
    private final RequestTracing requestTracing;
    private final RequestLabels requestLabels;
    private final Optional<UsageView> usage;
    private final Optional<ActivityView> activity;

    /** Serves {@code kinds} from {@code store} as {@code config} says, with Revision logs read from {@code logs}. */
    public ApiHandler(Kinds kinds, ResourceStore stored, ApiServerConfig config, InstantSource clock,
            RevisionLogs logs) {
        this(kinds, stored, config, clock, logs, PodLogs.NONE);
    }

    /** The same, with Pods' {@code log} read from {@code podLogs}. */
    public ApiHandler(Kinds kinds, ResourceStore stored, ApiServerConfig config, InstantSource clock,
            RevisionLogs logs, PodLogs podLogs) {
        this(kinds, stored, config, clock, logs, podLogs, RequestMetrics.NONE);
    }

    /** The same, telling {@code requestMetrics} about every request. */
    public ApiHandler(Kinds kinds, ResourceStore stored, ApiServerConfig config, InstantSource clock,
            RevisionLogs logs, PodLogs podLogs, RequestMetrics requestMetrics) {
        this(kinds, stored, config, clock, logs, podLogs, requestMetrics, RequestTracing.NONE);
    }

    /** The same, tracing every request but scrapes, probes and {@code /debug/traces} with {@code requestTracing}. */
    public ApiHandler(Kinds kinds, ResourceStore stored, ApiServerConfig config, InstantSource clock,
            RevisionLogs logs, PodLogs podLogs, RequestMetrics requestMetrics, RequestTracing requestTracing) {
        this.requestMetrics = requestMetrics;
        this.requestTracing = requestTracing;
        this.requestLabels = new RequestLabels(kinds);
        ResourceStore store = new ConvertingStore(stored, kinds);
        this.metrics = config.metrics();
        this.traces = config.traces();
        this.deliveries = config.deliveries();
        this.usage = config.usage();
        this.activity = config.activity();
        this.kinds = kinds;
        this.discovery = new DiscoveryDocs(kinds.all(), AccessReviews.TYPES);
        this.aggregatedDiscovery = new AggregatedDiscovery(kinds.all(), AccessReviews.TYPES);
        this.schemas = new SchemaDocuments(kinds, store);
        this.reads = new Reads(store, new TableView(clock));
        this.writes = new Writes(new AdmittingStore(store, kinds));
        this.patches = new Patches(store, writes);
        this.scales = new ScaleSubresource(store, writes);
        this.revisionSubresources = new RevisionSubresources(writes, store, logs, config.autoscaling(), clock);
        this.kindLogs = config.logs();
        this.podLog = new PodLog(podLogs, clock);
        StoredRbacPolicy policy = new StoredRbacPolicy(store);
        this.authorizer = new RbacAuthorizer(policy);
        this.escalation = new BindingEscalation(authorizer, policy);
        this.roleEscalation = new RoleEscalation(authorizer, policy);
        this.reviews = new AccessReviews(authorizer);
    }

    /** {@code GET …/NAME/log[?follow&tailLines]} of a kind with a log of its own (a BuildRun's); 404 without it. */
    private Reply kindLog(ApiRequest request, Target target, RevisionLogs logs) {
        if (!request.method().equals("GET")) {
            throw methodNotAllowed(request.method());
        }
        writes.existing(target);
        int tailLines = request.param("tailLines").map(LogParams::tailLines).orElse(Integer.MAX_VALUE);
        return new Reply.Stream(new LogStream(logs, target.namespaceOrEmpty(), target.requireName(), tailLines,
                request.flag("follow")));
    }

    /**
     * Answers a request; never throws. The answer is counted and timed by {@link RequestMetrics}; a stream (a watch,
     * a log) is counted when it starts and as long-running until it ends. Its span ({@link RequestTracing}; a read's
     * only under a client's {@code traceparent}) is current while it is answered, and ends with the answer, a
     * stream's at its head.
     */
    public Reply handle(ApiRequest request) {
        long started = System.nanoTime();
        RequestMetrics.Request labels = requestLabels.of(request);
        RequestTracing.Span span = requestTracing == RequestTracing.NONE || !RequestLabels.traced(request)
                ? RequestTracing.Span.NONE : requestTracing.begin(requestLabels.traced(request, labels));
        Reply reply = answer(request);
        return switch (reply) {
            case Reply.Stream stream -> {
                span.ended(200);
                yield new Reply.Stream(new CountedStream(stream.stream(), () -> requestMetrics.longRunning(labels)));
            }
            case Reply.Body body -> {
                span.ended(body.status());
                requestMetrics.answered(labels, body.status(), Duration.ofNanos(System.nanoTime() - started));
                yield body;
            }
        };
    }

    private Reply answer(ApiRequest asked) {
        ApiRequest request = asked;
        String group = "";
        try {
            List<String> segments = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty())
                    .map(PercentDecoding::segment).toList();
            if (isHealth(segments)) {
                return Reply.Body.text(200, "ok");
            }
            if (segments.isEmpty()) {
                return Reply.Body.json(200, rootPaths());
            }
            group = segments.get(0).equals("apis") && segments.size() > 1 ? segments.get(1) : "";
            int watchAt = segments.get(0).equals("api") ? 2 : 3;
            if (segments.size() > watchAt + 1 && segments.get(watchAt).equals("watch")
                    && (segments.get(0).equals("api") || segments.get(0).equals("apis"))) {
                // The deprecated /watch/ paths: the same watch as ?watch=true on the path without the segment.
                request = request.asWatch();
                segments = new java.util.ArrayList<>(segments);
                segments.remove(watchAt);
                segments = List.copyOf(segments);
            }
            // The caller passed the token (or the server needs none): an admin, unless it impersonates someone.
            Optional<UserInfo> impersonated = Impersonation.of(request);
            if (impersonated.isPresent()) {
                RequestAttributes.authorize(authorizer, impersonated.get(), request, segments);
                escalation.check(impersonated.get(), request, segments);
                roleEscalation.check(impersonated.get(), request, segments);
            }
            if (AccessReviews.addresses(segments)) {
                return reviews.serve(request, impersonated.orElse(UserInfo.ADMIN), segments);
            }
            return route(request, segments);
        } catch (ApiException e) {
            return Reply.Body.json(e.code(), StatusBodies.failure(e, group));
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                // Jackson's convertValue wraps the mapping failure: the body had a value of the wrong shape.
                ApiException bad = ApiException.badRequest("cannot decode the request body: "
                        + TypedCodec.fieldPath(mapping) + ": " + mapping.getOriginalMessage().split("\n")[0]);
                return Reply.Body.json(400, StatusBodies.failure(bad, group));
            }
            return internalError(request, e, group);
        } catch (RuntimeException e) {
            return internalError(request, e, group);
        }
    }

    private static Reply internalError(ApiRequest request, RuntimeException e, String group) {
        LOG.error("{} {} failed", request.method(), request.path(), e);
        ApiException internal = new ApiException(StatusReason.InternalError,
                "Internal error occurred: " + e.getMessage(), "", "", List.of());
        return Reply.Body.json(500, StatusBodies.failure(internal, group));
    }

    private Reply route(ApiRequest request, List<String> segments) {
        String head = segments.get(0);
        int size = segments.size();
        if (head.equals("version") && size == 1) {
            return Reply.Body.json(200, VersionInfo.document());
        }
        if (head.equals("openapi")) {
            return openApi(request, segments);
        }
        if (head.equals("metrics") && size == 1 && metrics.isPresent()) {
            if (!request.method().equals("GET")) {
                throw methodNotAllowed(request.method());
            }
            return new Reply.Body(200, MetricsScrape.CONTENT_TYPE,
                    metrics.get().scrape().getBytes(StandardCharsets.UTF_8), List.of());
        }
        if (head.equals("debug") && size >= 2 && size <= 3 && segments.get(1).equals("traces")
                && traces.isPresent()) {
            return traces(request, segments);
        }
        if (head.equals("debug") && size == 2 && segments.get(1).equals("deliveries") && deliveries.isPresent()) {
            if (!request.method().equals("GET")) {
                throw methodNotAllowed(request.method());
            }
            return Reply.Body.json(200, deliveries.get().counts());
        }
        if (head.equals("apis") && size >= 4 && segments.get(1).equals(UsageReads.GROUP) && usage.isPresent()) {
            return UsageReads.serve(request, segments.subList(2, size), usage.get());
        }
        if (head.equals("apis") && size >= 4 && segments.get(1).equals(ActivityReads.GROUP) && activity.isPresent()) {
            return ActivityReads.serve(request, segments.subList(2, size), activity.get());
        }
        if ((head.equals("api") || head.equals("apis")) && size == 1) {
            Optional<String> aggregated = AggregatedDiscovery.negotiate(request.header("accept"));
            if (aggregated.isPresent()) {
                return new Reply.Body(200, aggregated.get(),
                        Json.writeBytes(aggregatedDiscovery.document(head.equals("api"), aggregated.get())), List.of());
            }
        }
        if (head.equals("api")) {
            if (size == 1) {
                return Reply.Body.json(200, discovery.apiVersions());
            }
            return size == 2 ? found(discovery.resourceList("", segments.get(1)))
                    : resources(request, "", segments.get(1), segments.subList(2, size));
        }
        if (head.equals("apis")) {
            return switch (size) {
                case 1 -> Reply.Body.json(200, discovery.groupList());
                case 2 -> found(discovery.group(segments.get(1)));
                case 3 -> found(discovery.resourceList(segments.get(1), segments.get(2)));
                default -> resources(request, segments.get(1), segments.get(2), segments.subList(3, size));
            };
        }
        throw notFound();
    }

    /** The recent traces the server keeps: {@code /debug/traces} lists them, {@code /debug/traces/ID} is one. */
    private Reply traces(ApiRequest request, List<String> segments) {
        if (!request.method().equals("GET")) {
            throw methodNotAllowed(request.method());
        }
        if (segments.size() == 2) {
            return Reply.Body.json(200, traces.get().list());
        }
        String id = segments.get(2);
        return Reply.Body.json(200, traces.get().trace(id).orElseThrow(() -> new ApiException(StatusReason.NotFound,
                "trace " + id + " is not kept: the server keeps the latest traces only (see kumo trace list)", "", "",
                List.of())));
    }

    private Reply openApi(ApiRequest request, List<String> segments) {
        OpenApiDocs openApi = schemas.get().openApi();
        if (segments.size() == 2 && segments.get(1).equals("v3")) {
            return Reply.Body.json(200, openApi.index());
        }
        if (segments.size() == 2 && segments.get(1).equals("v2")) {
            return request.header("accept").contains("protobuf")
                    ? new Reply.Body(200, OpenApiV2Protobuf.MEDIA_TYPE,
                            schemas.get().openApiV2Protobuf(), List.of())
                    : Reply.Body.json(200, openApi.swagger());
        }
        if (segments.size() > 2 && segments.get(1).equals("v3")) {
            return found(openApi.groupVersion(String.join("/", segments.subList(2, segments.size()))));
        }
        throw notFound();
    }

    private Reply resources(ApiRequest request, String group, String version, List<String> rest) {
        ResourcePath path = ResourcePath.parse(group, version, rest).orElseThrow(ApiHandler::notFound);
        KindDefinition kind = kinds.find(path.group(), path.version(), path.plural())
                .orElseThrow(ApiHandler::notFound);
        if (!kind.type().namespaced() && path.namespace().isPresent()) {
            throw notFound();
        }
        Optional<String> subresource = path.subresource();
        if (subresource.filter(RevisionSubresources.NAMES::contains).isPresent()
                && kind.type().equals(ResourceTypes.REVISION)) {
            return revisionSubresources.serve(request, new Target(kind, path.namespace(), path.name(), subresource));
        }
        if (subresource.filter("log"::equals).isPresent() && kind.type().equals(ResourceTypes.POD)) {
            return podLog.serve(request, new Target(kind, path.namespace(), path.name(), subresource));
        }
        if (subresource.filter("log"::equals).isPresent() && kindLogs.containsKey(kind.type())) {
            return kindLog(request, new Target(kind, path.namespace(), path.name(), subresource),
                    kindLogs.get(kind.type()));
        }
        if (subresource.filter(ScaleSubresource.NAME::equals).isPresent()
                && kind.subresources().contains(ScaleSubresource.NAME)) {
            return scales.serve(request, new Target(kind, path.namespace(), path.name(), subresource));
        }
        if (subresource.isPresent() && !(subresource.get().equals("status") && kind.type().hasStatus())) {
            throw notFound();
        }
        Target target = new Target(kind, path.namespace(), path.name(), subresource);
        String method = request.method();
        if (kind.type().equals(ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION)) {
            if (!method.equals("GET")) {
                // Read-only: admission refuses creates and updates; this keeps deletes off the built-in definitions.
                throw methodNotAllowed(method);
            }
            schemas.get(); // the definitions are in the store once the documents are made
        }
        if (path.name().isEmpty()) {
            return switch (method) {
                case "GET" -> reads.list(request, target);
                case "POST" -> writes.create(request, target);
                case "DELETE" -> writes.deleteCollection(request, target);
                default -> throw methodNotAllowed(method);
            };
        }
        return switch (method) {
            case "GET" -> reads.get(request, target);
            case "PUT" -> writes.update(request, target);
            case "PATCH" -> patches.patch(request, target);
            case "DELETE" -> {
                if (target.isStatus()) {
                    throw methodNotAllowed(method);
                }
                yield writes.delete(request, target);
            }
            default -> throw methodNotAllowed(method);
        };
    }

    private ObjectNode rootPaths() {
        ObjectNode root = Json.object();
        var paths = root.putArray("paths");
        List.of("/api", "/api/v1", "/apis", "/openapi/v2", "/openapi/v3", "/version", "/healthz").forEach(paths::add);
        metrics.ifPresent(m -> paths.add("/metrics"));
        traces.ifPresent(t -> paths.add("/debug/traces"));
        deliveries.ifPresent(d -> paths.add("/debug/deliveries"));
        kinds.types().stream().filter(t -> !t.group().isEmpty())
                .map(t -> "/apis/" + t.group() + "/" + t.version()).distinct().forEach(paths::add);
        return root;
    }

    private static boolean isHealth(List<String> segments) {
        return segments.size() == 1 && List.of("healthz", "readyz", "livez").contains(segments.get(0));
    }

    private static Reply found(Optional<ObjectNode> document) {
        return Reply.Body.json(200, document.orElseThrow(ApiHandler::notFound));
    }

    private static ApiException notFound() {
        return new ApiException(StatusReason.NotFound, "the server could not find the requested resource", "", "",
                List.of());
    }

    static ApiException methodNotAllowed(String method) {
        return new ApiException(StatusReason.MethodNotAllowed, "the server does not allow this method on the "
                + "requested resource (" + method + ")", "", "", List.of());
    }
}
