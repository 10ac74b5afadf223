package dev.kumo.api.sources;

import dev.kumo.api.duck.CloudEventOverrides;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.eventing.SubscriptionsApiFilter;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.sources.ApiServerSourceSpec.Owner;
import dev.kumo.api.sources.ApiServerSourceSpec.Resource;
import java.util.List;

/** Builds a {@link ApiServerSourceSpec}; every field starts unset. */
public final class ApiServerSourceSpecBuilder {

    private Destination sink;
    private CloudEventOverrides ceOverrides;
    private List<Resource> resources;
    private Owner owner;
    private String mode;
    private String serviceAccountName;
    private LabelSelectorSpec namespaceSelector;
    private List<SubscriptionsApiFilter> filters;

    ApiServerSourceSpecBuilder() {
    }

    public ApiServerSourceSpecBuilder sink(Destination value) { sink = value; return this; }

    public ApiServerSourceSpecBuilder ceOverrides(CloudEventOverrides value) { ceOverrides = value; return this; }

    public ApiServerSourceSpecBuilder resources(List<Resource> value) { resources = value; return this; }

    public ApiServerSourceSpecBuilder owner(Owner value) { owner = value; return this; }

    public ApiServerSourceSpecBuilder mode(String value) { mode = value; return this; }

    public ApiServerSourceSpecBuilder serviceAccountName(String value) { serviceAccountName = value; return this; }

    public ApiServerSourceSpecBuilder namespaceSelector(LabelSelectorSpec value) {
        namespaceSelector = value;
        return this;
    }

    public ApiServerSourceSpecBuilder filters(List<SubscriptionsApiFilter> value) { filters = value; return this; }

    public ApiServerSourceSpec build() {
        return new ApiServerSourceSpec(sink, ceOverrides, resources, owner, mode, serviceAccountName,
                namespaceSelector, filters);
    }
}
