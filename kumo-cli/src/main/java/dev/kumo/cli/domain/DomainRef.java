package dev.kumo.cli.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.Optional;

/**
 * kn's {@code --ref}: {@code NAME} or {@code ksvc:NAME} (a Knative Service), {@code kroute:NAME} (a Route), each
 * optionally {@code :NAMESPACE}; as {@code spec.ref}.
 */
record DomainRef(String apiVersion, String kind, String name, Optional<String> namespace) {

    private static final String SERVING_V1 = "serving.knative.dev/v1";

    /** The reference {@code value} names; throws {@link IllegalArgumentException} saying the accepted forms. */
    static DomainRef parse(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length == 1) {
            return service(parts[0], Optional.empty());
        }
        if (parts.length > 3 || parts[1].isEmpty() || (parts.length == 3 && parts[2].isEmpty())) {
            throw invalid(value);
        }
        Optional<String> namespace = parts.length == 3 ? Optional.of(parts[2]) : Optional.empty();
        return switch (parts[0]) {
            case "ksvc" -> service(parts[1], namespace);
            case "kroute" -> new DomainRef(SERVING_V1, "Route", parts[1], namespace);
            default -> throw invalid(value);
        };
    }

    private static DomainRef service(String name, Optional<String> namespace) {
        if (name.isEmpty()) {
            throw invalid(name);
        }
        return new DomainRef(SERVING_V1, "Service", name, namespace);
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("invalid --ref '" + value + "': give a Knative Service as NAME or "
                + "ksvc:NAME, or a Route as kroute:NAME (either may end in :NAMESPACE)");
    }

    /** This reference as a DomainMapping's {@code spec.ref}. */
    ObjectNode toJson(String defaultNamespace) {
        return Json.object().put("apiVersion", apiVersion).put("kind", kind).put("name", name)
                .put("namespace", namespace.orElse(defaultNamespace));
    }
}
