package dev.kumo.cli.client;

import dev.kumo.api.meta.ResourceType;
import java.util.Optional;

/** The API server refused a request; carries its Status and what was asked, for the message and the hint. */
public final class ApiError extends RuntimeException {

    private final ApiStatus status;
    private final ResourceType type;
    private final String namespace;

    public ApiError(ApiStatus status, Optional<ResourceType> type, Optional<String> namespace) {
        super(status.message());
        this.status = status;
        this.type = type.orElse(null);
        this.namespace = namespace.orElse("");
    }

    public ApiStatus status() {
        return status;
    }

    /** The kind the failed request was about, if it was about one. */
    public Optional<ResourceType> type() {
        return Optional.ofNullable(type);
    }

    /** The namespace the failed request was about, if any. */
    public Optional<String> namespace() {
        return namespace.isEmpty() ? Optional.empty() : Optional.of(namespace);
    }
}
