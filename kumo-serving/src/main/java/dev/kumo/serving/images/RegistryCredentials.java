package dev.kumo.serving.images;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user names and passwords a Revision's {@code imagePullSecrets} hold, per registry: Secrets of type
 * {@code kubernetes.io/dockerconfigjson} ({@code .dockerconfigjson}, {@code {"auths": {…}}}) or
 * {@code kubernetes.io/dockercfg} ({@code .dockercfg}); each entry with {@code auth} (base64 of
 * {@code user:password}) or {@code username} and {@code password}. The first Secret naming a registry wins.
 */
final class RegistryCredentials {

    /** A user and password for HTTP Basic, to the registry or to its token service. */
    record Basic(String username, String password) {

        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[" + username + "]";
        }
    }

    static final RegistryCredentials NONE = new RegistryCredentials(Map.of());

    private final Map<String, Basic> byRegistry;

    private RegistryCredentials(Map<String, Basic> byRegistry) {
        this.byRegistry = byRegistry;
    }

    /** The credentials in {@code secrets} (Secret objects as stored); an IllegalArgumentException names a bad one. */
    static RegistryCredentials of(Iterable<JsonNode> secrets) {
        Map<String, Basic> found = new HashMap<>();
        for (JsonNode secret : secrets) {
            String name = secret.path("metadata").path("name").asText();
            JsonNode data = secret.path("data");
            JsonNode auths;
            if (data.hasNonNull(".dockerconfigjson")) {
                auths = decode(name, data.get(".dockerconfigjson")).path("auths");
            } else if (data.hasNonNull(".dockercfg")) {
                auths = decode(name, data.get(".dockercfg"));
            } else {
                continue;
            }
            auths.properties().forEach(entry -> entry(name, entry.getValue())
                    .ifPresent(basic -> found.putIfAbsent(registry(entry.getKey()), basic)));
        }
        return new RegistryCredentials(Map.copyOf(found));
    }

    /** The credentials for {@code registry} ({@code host[:port]}, Docker Hub as {@code index.docker.io}). */
    Optional<Basic> forRegistry(String registry) {
        return Optional.ofNullable(byRegistry.get(registry));
    }

    private static JsonNode decode(String secret, JsonNode value) {
        try {
            return Json.parseObject(new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("image pull secret " + secret + ": not a Docker config: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<Basic> entry(String secret, JsonNode entry) {
        if (entry.hasNonNull("auth") && !entry.get("auth").asText().isEmpty()) {
            String pair = new String(Base64.getDecoder().decode(entry.get("auth").asText()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("image pull secret " + secret + ": auth is not base64 of "
                        + "user:password");
            }
            return Optional.of(new Basic(pair.substring(0, colon), pair.substring(colon + 1)));
        }
        if (entry.hasNonNull("username")) {
            return Optional.of(new Basic(entry.get("username").asText(), entry.path("password").asText("")));
        }
        return Optional.empty();
    }

    /** A Docker config key ({@code https://index.docker.io/v1/}, {@code docker.io}, {@code host:port}) as a registry. */
    static String registry(String key) {
        String host = key.replaceFirst("^[a-zA-Z]+://", "");
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return switch (host) {
            case "docker.io", "index.docker.io", "registry-1.docker.io" -> ImageReference.DOCKER_HUB;
            default -> host;
        };
    }
}
