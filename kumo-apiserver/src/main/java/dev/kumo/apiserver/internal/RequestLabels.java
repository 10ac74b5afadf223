package dev.kumo.apiserver.internal;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.apiserver.RequestMetrics;
import dev.kumo.apiserver.RequestTracing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request's labels for {@link RequestMetrics}, as kube-apiserver's {@code cleanVerb} and {@code RequestInfo} give
 * them: a GET is {@code GET}, {@code LIST} or {@code WATCH}; an apply patch {@code APPLY}. A path that names no
 * served kind counts as a path that is no resource, so unknown plurals cannot grow the label set. The same reading
 * gives a request's route for {@link RequestTracing}.
 */
final class RequestLabels {

    private static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Kinds kinds;

    RequestLabels(Kinds kinds) {
        this.kinds = kinds;
    }

    /** The labels of {@code request}; a path that cannot be read counts as no resource. */
    RequestMetrics.Request of(ApiRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        Optional<Named> named = named(request);
        if (named.isEmpty()) {
            return RequestMetrics.Request.other(METHODS.contains(method) ? method : "OTHER");
        }
        ResourcePath p = named.get().path();
        String verb = switch (method) {
            case "GET", "HEAD" -> named.get().watchPath() || request.flag("watch") ? "WATCH"
                    : p.name().isPresent() ? "GET" : "LIST";
            case "PATCH" -> request.header("content-type").startsWith(APPLY_PATCH) ? "APPLY" : "PATCH";
            default -> METHODS.contains(method) ? method : "OTHER";
        };
        String scope = p.name().isPresent() ? "resource" : p.namespace().isPresent() ? "namespace" : "cluster";
        // Only the subresources the kind serves: any other segment would make a series of its own per request.
        String subresource = p.subresource().map(s -> served(named.get().kind(), s) ? s : "other").orElse("");
        return new RequestMetrics.Request(verb, p.group(), p.version(), p.plural(), subresource, scope);
    }

    /**
     * {@code request} as {@link RequestTracing} sees it: its route is the path with the namespace and name as
     * {@code {namespace}} and {@code {name}}; a path naming no served kind keeps its first three segments.
     */
    RequestTracing.Traced traced(ApiRequest request, RequestMetrics.Request labels) {
        String method = request.method().toUpperCase(Locale.ROOT);
        Optional<Named> named = named(request);
        if (named.isEmpty()) {
            String[] segments = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).limit(3)
                    .toArray(String[]::new);
            return new RequestTracing.Traced(method, "/" + String.join("/", segments), request.path(), labels, "",
                    "", request.headers());
        }
        ResourcePath p = named.get().path();
        StringBuilder route = new StringBuilder(p.group().isEmpty() ? "/api/" : "/apis/" + p.group() + "/")
                .append(p.version());
        p.namespace().ifPresent(ns -> route.append("/namespaces/{namespace}"));
        route.append('/').append(p.plural());
        p.name().ifPresent(n -> route.append("/{name}"));
        if (!labels.subresource().isEmpty()) {
            route.append('/').append(labels.subresource());
        }
        return new RequestTracing.Traced(method, route.toString(), request.path(), labels,
                p.namespace().orElse(""), p.name().orElse(""), request.headers());
    }

    /**
     * Whether {@code request} is traced: a write is, a read (GET, HEAD: a get, a list, a watch) only under a client's
     * {@code traceparent} (as its child, if sampled), so that polling (the dashboard's, a controller's) does not push
     * the writes' traces out of the kept ones; requests to paths not {@link #traced(String) traced} never are.
     */
    static boolean traced(ApiRequest request) {
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        return traced(request.path()) && (!read || request.headers().containsKey("traceparent"));
    }

    /** Whether requests to {@code path} are traced: not scrapes, probes, nor the traces themselves. */
    static boolean traced(String path) {
        return !(path.equals("/metrics") || path.startsWith("/debug/") || path.equals("/debug")
                || path.startsWith("/healthz") || path.startsWith("/readyz") || path.startsWith("/livez"));
    }

    /** The served kind {@code request}'s path names, with the path read. */
    private Optional<Named> named(ApiRequest request) {
        List<String> segments;
        try {
            segments = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty())
                    .map(PercentDecoding::segment).collect(Collectors.toCollection(ArrayList::new));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        boolean watchPath = false;
        int watchAt = !segments.isEmpty() && segments.get(0).equals("api") ? 2 : 3;
        if (segments.size() > watchAt + 1 && segments.get(watchAt).equals("watch")) {
            // The deprecated /watch/ paths, as ApiHandler serves them.
            segments.remove(watchAt);
            watchPath = true;
        }
        Optional<ResourcePath> path = Optional.empty();
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            path = ResourcePath.parse("", segments.get(1), segments.subList(2, segments.size()));
        } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            path = ResourcePath.parse(segments.get(1), segments.get(2), segments.subList(3, segments.size()));
        }
        boolean watched = watchPath;
        return path.flatMap(p -> kinds.find(p.group(), p.version(), p.plural()).map(k -> new Named(p, k, watched)));
    }

    private record Named(ResourcePath path, KindDefinition kind, boolean watchPath) {
    }

    private static boolean served(KindDefinition kind, String subresource) {
        return subresource.equals("status") && kind.type().hasStatus() || kind.subresources().contains(subresource);
    }
}
