package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.defaults.ServingDefaults;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.ContainerPort;
import dev.kumo.api.serving.pod.Volume;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;

/**
 * A Revision's spec: one container, or several of which exactly one declares the single serving port; volumes;
 * the request timeout and container concurrency within the cluster's limits.
 */
public final class RevisionSpecValidation {

    /** The port name Knative matches probe ports against when the serving port has none. */
    private static final String DEFAULT_PORT_NAME = "http";

    private RevisionSpecValidation() {
    }

    /** Validates {@code spec} found at {@code path} (e.g. {@code spec.template.spec}). */
    public static List<FieldError> validate(RevisionSpec spec, String path, ServingDefaults limits) {
        RevisionSpec value = spec == null ? RevisionSpec.builder().build() : spec;
        List<Container> containers = value.containersOrEmpty();
        Set<String> mounted = new HashSet<>();
        containers.forEach(c -> c.volumeMountsOrEmpty().forEach(m -> mounted.add(m.name())));
        List<FieldError> errors = new ArrayList<>(VolumeValidation.validate(value.volumes(), mounted,
                at(path, "volumes")));
        Map<String, Volume> volumes = new LinkedHashMap<>();
        value.volumesOrEmpty().forEach(v -> volumes.putIfAbsent(v.name(), v));
        errors.addAll(containers(containers, volumes, path));
        if (value.serviceAccountName() != null && !value.serviceAccountName().isEmpty()) {
            Names.dns1123SubdomainError(value.serviceAccountName()).ifPresent(e -> errors.add(
                    FieldError.invalid(at(path, "serviceAccountName"), value.serviceAccountName(), e)));
        }
        long maxTimeout = limits.maxRevisionTimeoutSeconds();
        bounds(value.timeoutSeconds(), 0, maxTimeout, at(path, "timeoutSeconds"), errors);
        bounds(value.responseStartTimeoutSeconds(), 0, maxTimeout, at(path, "responseStartTimeoutSeconds"), errors);
        bounds(value.idleTimeoutSeconds(), 0, maxTimeout, at(path, "idleTimeoutSeconds"), errors);
        bounds(value.containerConcurrency(), 0, limits.containerConcurrencyMaxLimit(),
                at(path, "containerConcurrency"), errors);
        return errors;
    }

    private static List<FieldError> containers(List<Container> containers, Map<String, Volume> volumes,
            String path) {
        List<FieldError> errors = new ArrayList<>();
        if (containers.isEmpty()) {
            errors.add(FieldError.required(at(path, "containers"), "a Revision runs exactly one serving container"));
            return errors;
        }
        List<ContainerPort> ports = containers.stream().flatMap(c -> c.portsOrEmpty().stream()).toList();
        if (ports.size() > 1) {
            errors.add(FieldError.invalid(at(path, "containers[*].ports"), ports.size(),
                    "more than one container port is set: Only a single port is allowed across all containers"));
        } else if (ports.isEmpty() && containers.size() > 1) {
            errors.add(FieldError.required(at(path, "containers[*].ports"),
                    "with several containers, the one that serves traffic must declare its port"));
        }
        String portName = ports.isEmpty() || ports.get(0).name() == null || ports.get(0).name().isEmpty()
                ? DEFAULT_PORT_NAME : ports.get(0).name();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            String at = path + ".containers[" + i + "]";
            if (containers.size() > 1 && !names.add(String.valueOf(container.name()))) {
                errors.add(FieldError.duplicate(at(at, "name"), container.name()));
            }
            boolean serving = containers.size() == 1 || !container.portsOrEmpty().isEmpty();
            errors.addAll(serving ? ContainerValidation.validateServing(container, volumes, portName, at)
                    : ContainerValidation.validateSidecar(container, volumes, at));
        }
        return errors;
    }

    private static void bounds(Long value, long min, long max, String path, List<FieldError> errors) {
        if (value != null && (value < min || value > max)) {
            errors.add(KnativeErrors.outOfBounds(path, value, min, max));
        }
    }
}
