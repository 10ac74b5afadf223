package dev.kumo.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Knative condition: {@code status} is {@code True}, {@code False} (failed) or {@code Unknown} (still
 * reconciling); {@code reason} is one CamelCase word; {@code severity} is empty for conditions that decide Ready.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Condition(
        String type,
        String status,
        String severity,
        String lastTransitionTime,
        String reason,
        String message) {

    /** A condition of {@code type} with {@code status} and nothing else; the condition set stamps the rest. */
    public static Condition of(String type, String status) {
        return of(type, status, null, null);
    }

    /** A condition of {@code type} with {@code status}, a CamelCase {@code reason} and a {@code message}. */
    public static Condition of(String type, String status, String reason, String message) {
        return new Condition(type, status, null, null, reason, message);
    }

    @JsonIgnore
    public boolean isTrue() {
        return "True".equals(status);
    }

    @JsonIgnore
    public boolean isFalse() {
        return "False".equals(status);
    }
}
