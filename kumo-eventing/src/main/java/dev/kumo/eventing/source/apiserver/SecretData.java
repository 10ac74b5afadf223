package dev.kumo.eventing.source.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kumo never sends a Secret's data (issue #10): a Secret sent in Resource mode goes without {@code data},
 * {@code stringData} and the {@code kubectl.kubernetes.io/last-applied-configuration} annotation, which holds the
 * data of a Secret made with {@code kubectl apply}. Its name, labels, type and other metadata still go, so a
 * receiver learns that it changed.
 */
final class SecretData {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private SecretData() {
    }

    /** {@code object} itself unless it is a Secret, else a copy without what holds its data. */
    static JsonNode withheld(JsonNode object) {
        if (!"v1".equals(object.path("apiVersion").asText()) || !"Secret".equals(object.path("kind").asText())
                || !(object instanceof ObjectNode secret)) {
            return object;
        }
        ObjectNode copy = secret.deepCopy();
        copy.remove("data");
        copy.remove("stringData");
        if (copy.path("metadata").path("annotations") instanceof ObjectNode annotations) {
            annotations.remove(LAST_APPLIED);
        }
        return copy;
    }
}
