package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Route: names a traffic split over Revisions and gives it URLs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Route(String apiVersion, String kind, ObjectMeta metadata, RouteSpec spec, RouteStatus status)
        implements HasMetadata {

    /** A new Route with the given metadata and spec and no status. */
    public static Route of(ObjectMeta metadata, RouteSpec spec) {
        return new Route(ResourceTypes.ROUTE.apiVersion(), ResourceTypes.ROUTE.kind(), metadata, spec, null);
    }

    public Route withMetadata(ObjectMeta value) {
        return new Route(apiVersion, kind, value, spec, status);
    }

    public Route withSpec(RouteSpec value) {
        return new Route(apiVersion, kind, metadata, value, status);
    }

    public Route withStatus(RouteStatus value) {
        return new Route(apiVersion, kind, metadata, spec, value);
    }
}
