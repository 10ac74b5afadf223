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
 * Build one with {@link #builder()} or change one with {@link #toBuilder()}.
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

    /** A spec with no field set, to be filled in by defaults. */
    public static final ApiServerSourceSpec EMPTY = builder().build();

    public static ApiServerSourceSpecBuilder builder() {
        return new ApiServerSourceSpecBuilder();
    }

    /** A builder holding this spec's fields. */
    public ApiServerSourceSpecBuilder toBuilder() {
        return new ApiServerSourceSpecBuilder().sink(sink).ceOverrides(ceOverrides).resources(resources).owner(owner)
                .mode(mode).serviceAccountName(serviceAccountName).namespaceSelector(namespaceSelector)
                .filters(filters);
    }

    public List<Resource> resourcesOrEmpty() {
        return resources == null ? List.of() : resources;
    }

    public ApiServerSourceSpec withMode(String value) {
        return toBuilder().mode(value).build();
    }

    public ApiServerSourceSpec withServiceAccountName(String value) {
        return toBuilder().serviceAccountName(value).build();
    }
}
