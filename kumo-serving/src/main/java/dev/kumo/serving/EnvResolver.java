package dev.kumo.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.EnvFromSource;
import dev.kumo.api.serving.pod.EnvSourceReference;
import dev.kumo.api.serving.pod.EnvVar;
import dev.kumo.api.serving.pod.KeySelector;
import dev.kumo.runtime.spi.VariableReferences;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's environment as its process sees it: {@code envFrom} first, then {@code env} (later wins, as in
 * Kubernetes), with ConfigMap and Secret references read from the revision's namespace and a literal value's
 * {@code $(NAME)} references to variables defined before it expanded.
 */
final class EnvResolver {

    /** A reference that cannot be resolved; the message says which and how to fix it. */
    static final class UnresolvableEnvException extends RuntimeException {
        UnresolvableEnvException(String message) {
            super(message);
        }
    }

    private final ObjectLookup lookup;

    EnvResolver(ObjectLookup lookup) {
        this.lookup = lookup;
    }

    Map<String, String> resolve(String namespace, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : orEmpty(container.envFrom())) {
            String prefix = from.prefix() == null ? "" : from.prefix();
            if (from.configMapRef() != null) {
                source(namespace, from.configMapRef(), false).forEach((k, v) -> env.put(prefix + k, v));
            }
            if (from.secretRef() != null) {
                source(namespace, from.secretRef(), true).forEach((k, v) -> env.put(prefix + k, v));
            }
        }
        for (EnvVar variable : orEmpty(container.env())) {
            if (variable.valueFrom() == null) {
                // As the kubelet: a literal value may name variables defined before it ($(NAME)), others stay.
                env.put(variable.name(), variable.value() == null ? ""
                        : VariableReferences.expand(variable.value(), env));
            } else if (variable.valueFrom().configMapKeyRef() != null) {
                key(namespace, variable.valueFrom().configMapKeyRef(), false, variable.name())
                        .ifPresent(v -> env.put(variable.name(), v));
            } else if (variable.valueFrom().secretKeyRef() != null) {
                key(namespace, variable.valueFrom().secretKeyRef(), true, variable.name())
                        .ifPresent(v -> env.put(variable.name(), v));
            }
        }
        return env;
    }

    private Map<String, String> source(String namespace, EnvSourceReference reference, boolean secret) {
        Optional<ObjectNode> object = object(namespace, reference.name(), secret);
        if (object.isEmpty()) {
            if (Boolean.TRUE.equals(reference.optional())) {
                return Map.of();
            }
            throw missing(secret, reference.name(), namespace, "envFrom");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.get().path("data").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), value(field.getValue(), secret));
        }
        return values;
    }

    private Optional<String> key(String namespace, KeySelector selector, boolean secret, String variable) {
        boolean optional = Boolean.TRUE.equals(selector.optional());
        Optional<ObjectNode> object = object(namespace, selector.name(), secret);
        if (object.isEmpty()) {
            if (optional) {
                return Optional.empty();
            }
            throw missing(secret, selector.name(), namespace, "env " + variable);
        }
        JsonNode value = object.get().path("data").path(selector.key());
        if (value.isMissingNode()) {
            if (optional) {
                return Optional.empty();
            }
            throw new UnresolvableEnvException((secret ? "secret" : "configmap") + " \"" + selector.name()
                    + "\" has no key \"" + selector.key() + "\" (needed by env " + variable + "); add the key or "
                    + "mark the reference optional");
        }
        return Optional.of(value(value, secret));
    }

    private Optional<ObjectNode> object(String namespace, String name, boolean secret) {
        return lookup.get(secret ? ResourceTypes.SECRET : ResourceTypes.CONFIGMAP, namespace, name);
    }

    private static String value(JsonNode node, boolean secret) {
        return secret ? new String(Base64.getDecoder().decode(node.asText()), StandardCharsets.UTF_8) : node.asText();
    }

    /** A ConfigMap or Secret {@code name} that {@code user} (env X, volume Y) needs is not there: how to create it. */
    static UnresolvableEnvException missing(boolean secret, String name, String namespace, String user) {
        String kind = secret ? "secret" : "configmap";
        return new UnresolvableEnvException(kind + " \"" + name + "\" not found in namespace " + namespace
                + " (needed by " + user + "); create it, e.g. kubectl create " + kind
                + (secret ? " generic " : " ") + name + " --from-literal=KEY=VALUE -n " + namespace);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
