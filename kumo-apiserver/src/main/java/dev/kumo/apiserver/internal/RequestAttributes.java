package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.rbac.authorizer.Attributes;
import dev.kumo.api.rbac.authorizer.Decision;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.rbac.authorizer.UserInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request as the authorizer sees it (Kubernetes' {@code RequestInfo}): under {@code /api/v1} and
 * {@code /apis/GROUP/VERSION} a verb on a resource — {@code get}, {@code list}, {@code watch}, {@code create},
 * {@code update}, {@code patch}, {@code delete}, {@code deletecollection} by method and name — elsewhere (discovery,
 * {@code /version}, {@code /openapi}) a verb on a path; refused with Kubernetes' 403 wording.
 */
final class RequestAttributes {

    private RequestAttributes() {
    }

    /** Throws Kubernetes' 403 unless {@code user} may make {@code request}. */
    static void authorize(RbacAuthorizer authorizer, UserInfo user, ApiRequest request, List<String> segments) {
        Attributes attributes = of(request, segments);
        Decision decision = authorizer.authorize(user, attributes);
        if (decision.allowed()) {
            return;
        }
        throw switch (attributes) {
            case Attributes.NonResource n -> new ApiException(StatusReason.Forbidden, "forbidden: "
                    + decision.reason(), "", "", List.of());
            case Attributes.Resource r -> {
                String qualified = r.apiGroup().isEmpty() ? r.resource() : r.resource() + "." + r.apiGroup();
                yield new ApiException(StatusReason.Forbidden, (r.name().isEmpty() ? qualified
                        : qualified + " \"" + r.name() + "\"") + " is forbidden: " + decision.reason(), r.resource(),
                        r.name(), List.of());
            }
        };
    }

    static Attributes of(ApiRequest request, List<String> segments) {
        Optional<ResourcePath> path = Optional.empty();
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            path = ResourcePath.parse("", segments.get(1), segments.subList(2, segments.size()));
        } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            path = ResourcePath.parse(segments.get(1), segments.get(2), segments.subList(3, segments.size()));
        }
        String method = request.method().toLowerCase(Locale.ROOT);
        if (path.isEmpty()) {
            return new Attributes.NonResource(method.equals("head") ? "get" : method, request.path());
        }
        ResourcePath p = path.get();
        boolean named = p.name().isPresent();
        String verb = switch (method) {
            case "get", "head" -> request.flag("watch") ? "watch" : named ? "get" : "list";
            case "post" -> "create";
            case "put" -> "update";
            case "delete" -> named ? "delete" : "deletecollection";
            default -> method;
        };
        return new Attributes.Resource(verb, p.group(), p.plural(), p.subresource().orElse(""), p.name().orElse(""),
                p.namespace().orElse(""));
    }
}
