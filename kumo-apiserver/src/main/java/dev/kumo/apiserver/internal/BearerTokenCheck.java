package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a request without {@code Authorization: Bearer TOKEN} (scheme case-insensitive, RFC 7235), except the
 * health endpoints, which tell nothing and are what probes call.
 */
final class BearerTokenCheck implements RequestCheck {

    private static final List<String> HEALTH = List.of("healthz", "readyz", "livez");

    private final byte[] token;

    BearerTokenCheck(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Optional<ApiException> refusal(RequestHead request) {
        List<String> segments = request.segments();
        if (segments.size() == 1 && HEALTH.contains(segments.get(0)) || carriesToken(request.header("authorization"))) {
            return Optional.empty();
        }
        return Optional.of(new ApiException(StatusReason.Unauthorized, "Unauthorized: send the token from the data "
                + "directory as 'Authorization: Bearer <token>' (kumo kubeconfig includes it)", "", "", List.of()));
    }

    private boolean carriesToken(String authorization) {
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
            return false;
        }
        // Compared in constant time, so the answer's timing does not tell how much of a guess was right.
        return MessageDigest.isEqual(parts[1].trim().getBytes(StandardCharsets.UTF_8), token);
    }
}
