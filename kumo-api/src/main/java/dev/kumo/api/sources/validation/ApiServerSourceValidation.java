package dev.kumo.api.sources.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An ApiServerSource: a mode, at least one resource with apiVersion and kind, a sink; no filters (feature off). */
public final class ApiServerSourceValidation {

    /** {@code version} or {@code group/version}, as Kubernetes' ParseGroupVersion reads it. */
    private static final Pattern API_VERSION = Pattern.compile("[^/\\s]+(/[^/\\s]+)?");

    private ApiServerSourceValidation() {
    }

    public static List<FieldError> validate(ApiServerSource value) {
        ApiServerSourceSpec spec = value.spec() == null ? ApiServerSourceSpec.EMPTY : value.spec();
        List<FieldError> errors = new ArrayList<>();
        if (!List.of(ApiServerSource.REFERENCE_MODE, ApiServerSource.RESOURCE_MODE).contains(spec.mode())) {
            errors.add(FieldError.notSupported("spec.mode", String.valueOf(spec.mode()),
                    List.of(ApiServerSource.REFERENCE_MODE, ApiServerSource.RESOURCE_MODE)));
        }
        errors.addAll(SourceSpecValidation.validate(spec.sink(), spec.ceOverrides(), "spec"));
        if (spec.resourcesOrEmpty().isEmpty()) {
            errors.add(FieldError.required("spec.resources", "at least one {apiVersion, kind} to watch"));
        }
        for (int i = 0; i < spec.resourcesOrEmpty().size(); i++) {
            ApiServerSourceSpec.Resource resource = spec.resourcesOrEmpty().get(i);
            String at = "spec.resources[" + i + "]";
            errors.addAll(kindErrors(resource.apiVersion(), resource.kind(), at));
            errors.addAll(SelectorValidation.validate(resource.selector(), at + ".selector"));
        }
        if (spec.owner() != null) {
            errors.addAll(kindErrors(spec.owner().apiVersion(), spec.owner().kind(), "spec.owner"));
        }
        errors.addAll(SelectorValidation.validate(spec.namespaceSelector(), "spec.namespaceSelector"));
        if (spec.filters() != null && !spec.filters().isEmpty()) {
            errors.add(FieldError.forbidden("spec.filters", "the new-apiserversource-filters feature is not "
                    + "enabled; remove the filters"));
        }
        return errors;
    }

    private static List<FieldError> kindErrors(String apiVersion, String kind, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (apiVersion == null || apiVersion.isEmpty()) {
            errors.add(FieldError.required(path + ".apiVersion", "e.g. v1 or serving.knative.dev/v1"));
        } else if (!API_VERSION.matcher(apiVersion).matches()) {
            errors.add(FieldError.invalid(path + ".apiVersion", apiVersion,
                    "must be VERSION or GROUP/VERSION, e.g. v1 or serving.knative.dev/v1"));
        }
        if (kind == null || kind.isBlank()) {
            errors.add(FieldError.required(path + ".kind", "e.g. ConfigMap"));
        }
        return errors;
    }
}
