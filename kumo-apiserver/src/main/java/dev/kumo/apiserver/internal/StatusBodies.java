package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;

/** Kubernetes {@code kind: Status} bodies for failures and successes. */
final class StatusBodies {

    private StatusBodies() {
    }

    /** The Status for a failure; {@code group} fills {@code details.group} when the failure concerns a kind. */
    static ObjectNode failure(ApiException e, String group) {
        ObjectNode status = base("Failure", e.getMessage(), e.code());
        status.put("reason", e.reason().name());
        if (!e.name().isEmpty() || !e.kind().isEmpty() || !e.causes().isEmpty()) {
            ObjectNode details = status.putObject("details");
            if (!e.name().isEmpty()) {
                details.put("name", e.name());
            }
            if (!group.isEmpty()) {
                details.put("group", group);
            }
            if (!e.kind().isEmpty()) {
                details.put("kind", e.kind());
            }
            if (!e.causes().isEmpty()) {
                ArrayNode causes = details.putArray("causes");
                for (FieldError cause : e.causes()) {
                    causes.addObject().put("reason", cause.type()).put("message", causeMessage(cause))
                            .put("field", cause.field());
                }
            }
        }
        return status;
    }

    /** The Status for a failure the listener answers itself (a malformed or timed-out request). */
    static ObjectNode failure(int code, String message) {
        String reason = switch (code) {
            case 408 -> "Timeout";
            case 413 -> "RequestEntityTooLarge";
            default -> "BadRequest";
        };
        return base("Failure", message, code).put("reason", reason);
    }

    /**
     * A cause's message without its field path: kubectl prints {@code field: message} itself, as Kubernetes sends
     * them ({@code Invalid value: …}).
     */
    private static String causeMessage(FieldError cause) {
        String prefix = cause.field() + ": ";
        return !cause.field().isEmpty() && cause.message().startsWith(prefix)
                ? cause.message().substring(prefix.length()) : cause.message();
    }

    /** A Success status, as answered for deletions of collections. */
    static ObjectNode success(String kind, String name) {
        ObjectNode status = base("Success", "", 200);
        status.putObject("details").put("name", name).put("kind", kind);
        return status;
    }

    private static ObjectNode base(String outcome, String message, int code) {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", outcome);
        if (!message.isEmpty()) {
            status.put("message", message);
        }
        status.put("code", code);
        return status;
    }
}
