package dev.kumo.api.errors;

import java.util.List;

/**
 * A failure with a Kubernetes {@code Status}: the reason decides the HTTP code; the kind and name (when known) and
 * field causes are reported as {@code details}. Thrown by validation, the store and the API server alike.
 */
public final class ApiException extends RuntimeException {

    private final StatusReason reason;
    private final String kind;
    private final String name;
    private final List<FieldError> causes;

    public ApiException(StatusReason reason, String message, String kind, String name, List<FieldError> causes) {
        super(message);
        this.reason = reason;
        this.kind = kind == null ? "" : kind;
        this.name = name == null ? "" : name;
        this.causes = List.copyOf(causes);
    }

    public static ApiException notFound(String resource, String name) {
        return new ApiException(StatusReason.NotFound, resource + " \"" + name + "\" not found", resource, name,
                List.of());
    }

    public static ApiException alreadyExists(String resource, String name) {
        return new ApiException(StatusReason.AlreadyExists, resource + " \"" + name + "\" already exists", resource,
                name, List.of());
    }

    public static ApiException conflict(String resource, String name, String why) {
        return new ApiException(StatusReason.Conflict,
                "Operation cannot be fulfilled on " + resource + " \"" + name + "\": " + why, resource, name,
                List.of());
    }

    public static ApiException gone(String message) {
        return new ApiException(StatusReason.Expired, message, "", "", List.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(StatusReason.BadRequest, message, "", "", List.of());
    }

    /** A 422 whose message is {@code Kind "name" is invalid: cause; cause}, as kubectl prints it. */
    public static ApiException invalid(String kind, String name, List<FieldError> causes) {
        String joined = String.join(", ", causes.stream().map(FieldError::message).toList());
        String message = kind + " \"" + name + "\" is invalid: " + (causes.size() > 1 ? "[" + joined + "]" : joined);
        return new ApiException(StatusReason.Invalid, message, kind, name, causes);
    }

    public StatusReason reason() {
        return reason;
    }

    public int code() {
        return reason.code();
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<FieldError> causes() {
        return causes;
    }
}
