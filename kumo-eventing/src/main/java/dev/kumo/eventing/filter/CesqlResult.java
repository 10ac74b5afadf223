package dev.kumo.eventing.filter;

import io.cloudevents.sql.EvaluationException.ErrorKind;

/** The outcome of evaluating a CESQL expression on one event, fail-fast: a value, or the first error. */
sealed interface CesqlResult {

    /** The expression's value: a {@code Boolean}, an {@code Integer} or a {@code String}. */
    record Value(Object value) implements CesqlResult {
    }

    /** The first evaluation error (missing attribute, cast, math, …) and the evaluator's message. */
    record Failed(ErrorKind kind, String message) implements CesqlResult {
    }
}
