package dev.kumo.apiserver.internal;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.apiserver.RequestMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request's labels for {@link RequestMetrics}, as kube-apiserver's {@code cleanVerb} and {@code RequestInfo} give
 * them: a GET is {@code GET}, {@code LIST} or {@code WATCH}; an apply patch {@code APPLY}. A path that names no
 * served kind counts as a path that is no resource, so unknown plurals cannot grow the label set.
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
        List<String> segments;
        try {
            segments = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty())
                    .map(PercentDecoding::segment).collect(Collectors.toCollection(ArrayList::new));
        } catch (RuntimeException e) {
            return RequestMetrics.Request.other(METHODS.contains(method) ? method : "OTHER");
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
        Optional<KindDefinition> kind = path.flatMap(p -> kinds.find(p.group(), p.version(), p.plural()));
        if (kind.isEmpty()) {
            return RequestMetrics.Request.other(METHODS.contains(method) ? method : "OTHER");
        }
        ResourcePath p = path.orElseThrow();
        String verb = switch (method) {
            case "GET", "HEAD" -> watchPath || request.flag("watch") ? "WATCH" : p.name().isPresent() ? "GET" : "LIST";
            case "PATCH" -> request.header("content-type").startsWith(APPLY_PATCH) ? "APPLY" : "PATCH";
            default -> METHODS.contains(method) ? method : "OTHER";
        };
        String scope = p.name().isPresent() ? "resource" : p.namespace().isPresent() ? "namespace" : "cluster";
        // Only the subresources the kind serves: any other segment would make a series of its own per request.
        String subresource = p.subresource().map(s -> served(kind.get(), s) ? s : "other").orElse("");
        return new RequestMetrics.Request(verb, p.group(), p.version(), p.plural(), subresource, scope);
    }

    private static boolean served(KindDefinition kind, String subresource) {
        return subresource.equals("status") && kind.type().hasStatus() || kind.subresources().contains(subresource);
    }
}
