package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.CloudEventOverrides;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.eventing.SubscriptionsApiFilter;
import dev.kumo.api.meta.LabelSelectorSpec;
import java.util.List;

/**
 * An ApiServerSource's desired state: the {@code resources} to watch, an optional {@code owner} kind they must
 * have, the event {@code mode} ({@code Reference} or {@code Resource}), the {@code serviceAccountName} it watches
 * as (kept as written: Kumo has no RBAC) and the namespaces it watches ({@code namespaceSelector}, default its own).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiServerSourceSpec(
        Destination sink,
        CloudEventOverrides ceOverrides,
        List<Resource> resources,
        Owner owner,
        String mode,
        String serviceAccountName,
        LabelSelectorSpec namespaceSelector,
        List<SubscriptionsApiFilter> filters) {

    /** A kind to watch, optionally only the objects matching {@code selector}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(String apiVersion, String kind, LabelSelectorSpec selector) {
    }

    /** The kind of controller owner the watched objects must have. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Owner(String apiVersion, String kind) {
    }

    public List<Resource> resourcesOrEmpty() {
        return resources == null ? List.of() : resources;
    }

    public ApiServerSourceSpec withMode(String value) {
        return new ApiServerSourceSpec(sink, ceOverrides, resources, owner, value, serviceAccountName,
                namespaceSelector, filters);
    }

    public ApiServerSourceSpec withServiceAccountName(String value) {
        return new ApiServerSourceSpec(sink, ceOverrides, resources, owner, mode, value, namespaceSelector, filters);
    }
}
