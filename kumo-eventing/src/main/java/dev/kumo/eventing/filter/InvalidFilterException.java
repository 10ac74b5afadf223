package dev.kumo.eventing.filter;

/** A filter that cannot be compiled (today: a CESQL expression that does not parse); the message says where and why. */
public final class InvalidFilterException extends RuntimeException {

    private final String field;

    InvalidFilterException(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = field;
    }

    /** The path of the offending filter, as in the Trigger spec: {@code filters[1].any[0].cesql}. */
    public String field() {
        return field;
    }
}
