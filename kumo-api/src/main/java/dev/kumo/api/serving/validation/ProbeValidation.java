package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.pod.IntOrString;
import dev.kumo.api.serving.pod.Probe;
import java.util.ArrayList;
import java.util.List;

/** Probes of the serving container: one handler, aimed at the serving port, with sane thresholds. */
final class ProbeValidation {

    private static final List<String> HANDLERS = List.of("httpGet", "tcpSocket", "exec", "grpc");

    private ProbeValidation() {
    }

    /** Validates a liveness or startup probe; {@code portName} is the serving port's name ({@code http} if none). */
    static List<FieldError> validate(Probe probe, String path, String portName) {
        if (probe == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> handlers = probe.handlers();
        if (handlers.isEmpty()) {
            errors.add(KnativeErrors.missingOneOf(path, HANDLERS));
        } else if (handlers.size() > 1) {
            errors.add(KnativeErrors.multipleOneOf(path, handlers));
        }
        if (probe.httpGet() != null) {
            port(probe.httpGet().port(), at(path, "httpGet.port"), portName, errors);
        }
        if (probe.tcpSocket() != null) {
            port(probe.tcpSocket().port(), at(path, "tcpSocket.port"), portName, errors);
        }
        return errors;
    }

    /** Validates a readiness probe: a probe plus Knative's rules for its timing. */
    static List<FieldError> validateReadiness(Probe probe, String path, String portName) {
        if (probe == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>(validate(probe, path, portName));
        atLeast(probe.periodSeconds(), 0, at(path, "periodSeconds"), errors);
        atLeast(probe.initialDelaySeconds(), 0, at(path, "initialDelaySeconds"), errors);
        atLeast(orZero(probe.successThreshold()), 1, at(path, "successThreshold"), errors);
        if (orZero(probe.periodSeconds()) == 0) {
            // Period 0 asks for Knative's aggressive probing, which has its own timing.
            if (orZero(probe.failureThreshold()) != 0) {
                errors.add(FieldError.forbidden(at(path, "failureThreshold"),
                        "failureThreshold is disallowed when periodSeconds is zero"));
            }
            if (orZero(probe.timeoutSeconds()) != 0) {
                errors.add(FieldError.forbidden(at(path, "timeoutSeconds"),
                        "timeoutSeconds is disallowed when periodSeconds is zero"));
            }
        } else {
            atLeast(orZero(probe.timeoutSeconds()), 1, at(path, "timeoutSeconds"), errors);
            atLeast(orZero(probe.failureThreshold()), 1, at(path, "failureThreshold"), errors);
        }
        return errors;
    }

    private static void port(IntOrString port, String path, String portName, List<FieldError> errors) {
        if (port != null && port.asString().filter(name -> !name.isEmpty() && !name.equals(portName)).isPresent()) {
            errors.add(FieldError.invalid(path, port.toString(), "Probe port must match container port"));
        }
    }

    private static void atLeast(Integer value, int min, String path, List<FieldError> errors) {
        if (value != null && value < min) {
            errors.add(KnativeErrors.outOfBounds(path, value, min, Integer.MAX_VALUE));
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
