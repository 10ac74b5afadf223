package dev.kumo.api.serving.autoscaling;

import java.time.Duration;

/** The checks the decider's input records make of themselves: a value out of range is a programming error. */
final class SettingInvariants {

    private SettingInvariants() {
    }

    static void positive(String field, double value) {
        if (!(value > 0)) {
            throw invalid(field, value, "want a positive number");
        }
    }

    static void wholeSeconds(String field, Duration value, Duration min) {
        if (value.compareTo(min) < 0 || value.compareTo(Duration.ofHours(1)) > 0 || value.getNano() != 0) {
            throw invalid(field, value, "want whole seconds from " + min.toSeconds() + "s to 1h");
        }
    }

    static IllegalArgumentException invalid(String field, Object value, String fix) {
        return new IllegalArgumentException("scaling setting " + field + " is " + value + ": " + fix);
    }
}
