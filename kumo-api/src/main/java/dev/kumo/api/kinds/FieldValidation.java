package dev.kumo.api.kinds;

import dev.kumo.api.errors.ApiException;

/**
 * What to do with fields that are not in a kind's schema ({@code ?fieldValidation=}). Kumo defaults to
 * {@link #Strict} so that nothing a user wrote is silently dropped.
 */
public enum FieldValidation {
    Strict, Warn, Ignore;

    /** Parses the query parameter; absent means {@link #Strict}. */
    public static FieldValidation parse(String value) {
        if (value == null || value.isEmpty()) {
            return Strict;
        }
        for (FieldValidation mode : values()) {
            if (mode.name().equals(value)) {
                return mode;
            }
        }
        throw ApiException.badRequest("fieldValidation: Invalid value: \"" + value
                + "\": must be one of Strict, Warn, Ignore");
    }
}
