package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.pod.ContainerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The serving port: a TCP port outside the ones the platform reserves, named {@code http1}, {@code h2c} or not. */
final class PortValidation {

    /**
     * Ports the data plane listens on beside the user container (queue-proxy HTTP/1 8012, HTTP/2 8013, admin 8022,
     * metrics 9090 and 9091, profiling 8008).
     */
    static final Set<Integer> RESERVED = Set.of(8012, 8013, 8022, 9090, 9091, 8008);
    static final Set<String> NAMES = Set.of("", "http1", "h2c");
    static final int MAX_PORT = 65535;

    private PortValidation() {
    }

    /** Validates a container's ports; Knative checks the first, and only one may be given across all containers. */
    static List<FieldError> validate(List<ContainerPort> ports, String path) {
        if (ports == null || ports.isEmpty()) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        ContainerPort port = ports.get(0);
        String at = path + "[0]";
        Integer number = port.containerPort();
        if (number != null && RESERVED.contains(number)) {
            errors.add(FieldError.invalid(at(at, "containerPort"), number,
                    number + " is a reserved port, please use a different value"));
        }
        // 0 means "not set", as in Knative, where the platform then uses 8080.
        if (number != null && (number < 0 || number > MAX_PORT)) {
            errors.add(KnativeErrors.outOfBounds(at(at, "containerPort"), number, 0, MAX_PORT));
        }
        if (port.protocol() != null && !port.protocol().isEmpty() && !port.protocol().equals("TCP")) {
            errors.add(FieldError.invalid(at(at, "protocol"), port.protocol(), "only TCP is supported"));
        }
        String name = port.name() == null ? "" : port.name();
        if (!NAMES.contains(name)) {
            errors.add(FieldError.invalid(at(at, "name"), name,
                    "Port name " + name + " is not allowed: Name must be empty, or one of: 'h2c', 'http1'"));
        }
        return errors;
    }
}
