package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a write (POST, PUT, PATCH) whose {@code Content-Type} is not one of the API's media types, with 415 as
 * kube-apiserver answers: a body with no type, {@code text/plain} or a form is what a web page can send without
 * asking the browser first, so the API never reads one.
 */
final class ContentTypeCheck implements RequestCheck {

    /** The media types {@link RequestBodies} and {@link Patches} read. */
    static final Set<String> MEDIA_TYPES = Set.of("application/json", "text/json", "application/yaml",
            "application/x-yaml", "text/yaml", "application/vnd.kubernetes.protobuf", "application/merge-patch+json",
            "application/json-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml");

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @Override
    public Optional<ApiException> refusal(RequestHead request) {
        if (!WRITES.contains(request.method())) {
            return Optional.empty();
        }
        String value = request.header("content-type");
        int semicolon = value.indexOf(';');
        String mediaType = (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.contains(mediaType) ? Optional.empty()
                : Optional.of(RequestBodies.unsupported(mediaType));
    }
}
