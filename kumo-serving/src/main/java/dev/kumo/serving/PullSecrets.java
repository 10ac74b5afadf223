package dev.kumo.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.pod.LocalObjectReference;
import dev.kumo.runtime.spi.PullSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials from a Revision's {@code imagePullSecrets}: Secrets of type
 * {@code kubernetes.io/dockerconfigjson} ({@code .dockerconfigjson}: {@code {"auths": {REGISTRY: {...}}}}) or the
 * older {@code kubernetes.io/dockercfg} ({@code .dockercfg}: {@code {REGISTRY: {...}}}), each entry with
 * {@code username} and {@code password} or {@code auth} (base64 of {@code user:password}). The first Secret naming a
 * registry wins, as the kubelet tries them in order. A Secret that is missing is skipped, as the kubelet does.
 */
final class PullSecrets {

    private static final String DOCKER_CONFIG_JSON = ".dockerconfigjson";
    private static final String DOCKER_CFG = ".dockercfg";

    private final ObjectLookup lookup;

    PullSecrets(ObjectLookup lookup) {
        this.lookup = lookup;
    }

    /** Credentials by registry host; an IllegalArgumentException names a Secret whose content is not a config. */
    Map<String, PullSpec.RegistryCredential> credentials(String namespace, List<LocalObjectReference> secrets) {
        Map<String, PullSpec.RegistryCredential> credentials = new LinkedHashMap<>();
        for (LocalObjectReference reference : secrets) {
            Optional<ObjectNode> secret = lookup.get(ResourceTypes.SECRET, namespace, reference.name());
            secret.ifPresent(found -> auths(reference.name(), found).forEach(credentials::putIfAbsent));
        }
        return credentials;
    }

    /** Kubernetes' default pull policy: Always for {@code :latest} or no tag (and no digest), else IfNotPresent. */
    static PullSpec.Policy defaultPolicy(String image) {
        if (image.contains("@")) {
            return PullSpec.Policy.IF_NOT_PRESENT;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 || last.substring(colon + 1).equals("latest") ? PullSpec.Policy.ALWAYS
                : PullSpec.Policy.IF_NOT_PRESENT;
    }

    private static Map<String, PullSpec.RegistryCredential> auths(String name, ObjectNode secret) {
        JsonNode data = secret.path("data");
        boolean json = data.has(DOCKER_CONFIG_JSON);
        if (!json && !data.has(DOCKER_CFG)) {
            throw new IllegalArgumentException("imagePullSecrets: secret \"" + name + "\" has neither "
                    + DOCKER_CONFIG_JSON + " nor " + DOCKER_CFG + "; create it with kubectl create secret "
                    + "docker-registry " + name + " --docker-server=… --docker-username=… --docker-password=…");
        }
        JsonNode config;
        try {
            config = Json.mapper().readTree(Base64.getDecoder().decode(data.path(json ? DOCKER_CONFIG_JSON
                    : DOCKER_CFG).asText()));
        } catch (Exception e) {
            throw new IllegalArgumentException("imagePullSecrets: secret \"" + name + "\" is not a docker config: "
                    + e.getMessage(), e);
        }
        JsonNode auths = json ? config.path("auths") : config;
        Map<String, PullSpec.RegistryCredential> credentials = new LinkedHashMap<>();
        auths.fields().forEachRemaining(entry -> credential(entry.getValue())
                .ifPresent(credential -> credentials.put(host(entry.getKey()), credential)));
        return credentials;
    }

    private static Optional<PullSpec.RegistryCredential> credential(JsonNode entry) {
        if (entry.hasNonNull("username")) {
            return Optional.of(new PullSpec.RegistryCredential(entry.path("username").asText(),
                    entry.path("password").asText("")));
        }
        if (entry.hasNonNull("auth")) {
            String pair = new String(Base64.getDecoder().decode(entry.path("auth").asText()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new PullSpec.RegistryCredential(
                    pair.substring(0, colon), pair.substring(colon + 1)));
        }
        return Optional.empty();
    }

    /** The registry host of a config key, which may be a URL ({@code https://index.docker.io/v1/}). */
    private static String host(String key) {
        String host = key.replaceFirst("^https?://", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }
}
