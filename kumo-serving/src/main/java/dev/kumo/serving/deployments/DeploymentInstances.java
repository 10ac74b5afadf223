package dev.kumo.serving.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.runtime.spi.RevisionRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a Deployment's instances are told apart from Revisions' in the runtimes: their {@link RevisionRef} has the
 * configuration {@code deployment.apps/NAME} (no Configuration name has a slash) and, as revision, the name of the
 * ReplicaSet Kubernetes would make, {@code NAME-<pod-template-hash>}.
 */
public final class DeploymentInstances {

    /** The label Kubernetes gives a Deployment's Pods: the hash of the template they run. */
    public static final String TEMPLATE_HASH_LABEL = "pod-template-hash";
    private static final String PREFIX = "deployment.apps/";
    // Kubernetes' alphabet for generated names: no vowels (no words), no look-alikes.
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private DeploymentInstances() {
    }

    /** The reference an instance of {@code deployment}'s template with {@code hash} runs under. */
    public static RevisionRef ref(String namespace, String deployment, String hash) {
        return new RevisionRef(namespace, Optional.empty(), PREFIX + deployment, deployment + "-" + hash);
    }

    /** The Deployment an instance belongs to, if it is a Deployment's. */
    public static Optional<String> deployment(RevisionRef ref) {
        return ref.configuration().startsWith(PREFIX) ? Optional.of(ref.configuration().substring(PREFIX.length()))
                : Optional.empty();
    }

    /** The template hash of a Deployment's instance (empty for a Revision's). */
    public static Optional<String> hash(RevisionRef ref) {
        return deployment(ref).filter(name -> ref.revision().startsWith(name + "-"))
                .map(name -> ref.revision().substring(name.length() + 1));
    }

    /**
     * The template's hash: 10 characters of Kubernetes' name alphabet from its {@link #canonical} JSON, stable across
     * restarts and across a round trip through kubectl's types (as {@code rollout undo} makes).
     */
    public static String templateHash(RevisionTemplateSpec template) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(canonical(template).toString()
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
        StringBuilder out = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            out.append(ALPHABET.charAt(Byte.toUnsignedInt(digest[i]) % ALPHABET.length()));
        }
        return out.toString();
    }

    /**
     * A template as hashed and compared: without {@code pod-template-hash}, nulls, empty objects and lists (which
     * kubectl's types add or drop), its keys sorted.
     */
    static JsonNode canonical(RevisionTemplateSpec template) {
        if (template == null) {
            return Json.object();
        }
        ObjectNode tree = Json.toTree(template);
        if (tree.path("metadata").path("labels") instanceof ObjectNode labels) {
            labels.remove(TEMPLATE_HASH_LABEL);
        }
        JsonNode canonical = sorted(tree);
        return canonical == null ? Json.object() : canonical;
    }

    /** {@code node} with its keys sorted and its empty parts left out; null when nothing is left. */
    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = Json.object();
            new TreeMap<>(object.properties().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    Map.Entry::getValue))).forEach((key, value) -> {
                        JsonNode kept = sorted(value);
                        if (kept != null) {
                            out.set(key, kept);
                        }
                    });
            return out.isEmpty() ? null : out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = Json.mapper().createArrayNode();
            array.forEach(element -> {
                JsonNode kept = sorted(element);
                out.add(kept == null ? Json.object() : kept);
            });
            return out.isEmpty() ? null : out;
        }
        return node == null || node.isNull() ? null : node;
    }
}
