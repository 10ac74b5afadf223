package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.pod.Quantities;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.Probe;
import dev.kumo.api.serving.pod.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One container of a Revision: the serving container (with the port) or a sidecar. */
final class ContainerValidation {

    private static final Set<String> RESERVED_NAMES = Set.of("queue-proxy");
    private static final Set<String> TERMINATION_MESSAGE_POLICIES = Set.of("", "File", "FallbackToLogsOnError");

    private ContainerValidation() {
    }

    /** Validates the container that receives traffic; {@code portName} is the serving port's name. */
    static List<FieldError> validateServing(Container container, Map<String, Volume> volumes, String portName,
            String path) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(ProbeValidation.validate(container.livenessProbe(), at(path, "livenessProbe"), portName));
        errors.addAll(ProbeValidation.validateReadiness(container.readinessProbe(), at(path, "readinessProbe"),
                portName));
        errors.addAll(ProbeValidation.validate(container.startupProbe(), at(path, "startupProbe"), portName));
        errors.addAll(common(container, volumes, EnvValidation.RESERVED, path));
        return errors;
    }

    /** Validates a sidecar: Knative does not probe sidecars unless multi-container probing is enabled. */
    static List<FieldError> validateSidecar(Container container, Map<String, Volume> volumes, String path) {
        List<FieldError> errors = new ArrayList<>();
        noProbe(container.livenessProbe(), at(path, "livenessProbe"), errors);
        noProbe(container.readinessProbe(), at(path, "readinessProbe"), errors);
        noProbe(container.startupProbe(), at(path, "startupProbe"), errors);
        errors.addAll(common(container, volumes, EnvValidation.RESERVED_IN_SIDECARS, path));
        return errors;
    }

    private static List<FieldError> common(Container container, Map<String, Volume> volumes, Set<String> reservedEnv,
            String path) {
        List<FieldError> errors = new ArrayList<>();
        if (container.name() != null && RESERVED_NAMES.contains(container.name())) {
            errors.add(FieldError.invalid(at(path, "name"), container.name(),
                    "\"" + container.name() + "\" is a reserved container name"));
        }
        boolean hasCommand = container.command() != null && !container.command().isEmpty();
        if (container.image() == null || container.image().isEmpty()) {
            // Kumo's extension to Knative: a container with a command and no image runs as a host process.
            if (!hasCommand) {
                errors.add(FieldError.required(at(path, "image"), "set an image, or a command to run as a "
                        + "host process"));
            }
        } else {
            ImageReference.error(container.image()).ifPresent(e ->
                    errors.add(FieldError.invalid(at(path, "image"), container.image(), e)));
        }
        errors.addAll(EnvValidation.validate(container.env(), at(path, "env"), reservedEnv));
        errors.addAll(EnvValidation.validateFrom(container.envFrom(), at(path, "envFrom")));
        errors.addAll(PortValidation.validate(container.ports(), at(path, "ports")));
        String policy = container.terminationMessagePolicy();
        if (policy != null && !TERMINATION_MESSAGE_POLICIES.contains(policy)) {
            errors.add(FieldError.invalid(at(path, "terminationMessagePolicy"), policy,
                    "want File or FallbackToLogsOnError"));
        }
        errors.addAll(VolumeMountValidation.validate(container.volumeMounts(), volumes, at(path, "volumeMounts")));
        if (container.resources() != null) {
            quantities(container.resources().limits(), at(path, "resources.limits"), errors);
            quantities(container.resources().requests(), at(path, "resources.requests"), errors);
        }
        return errors;
    }

    /** Each resource quantity must parse and not be negative, as kube-apiserver checks them. */
    private static void quantities(Map<String, JsonNode> values, String path, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        values.forEach((name, value) -> {
            String field = path + "." + name;
            String text = value == null || value.isNull() ? "" : value.asText();
            try {
                Quantities.parse(text, field);
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.invalid(field, text, e.getMessage().substring(field.length() + 2)));
            }
        });
    }

    private static void noProbe(Probe probe, String path, List<FieldError> errors) {
        if (probe != null) {
            errors.add(KnativeErrors.disallowed(path,
                    "only the serving container (the one with a port) is probed"));
        }
    }
}
