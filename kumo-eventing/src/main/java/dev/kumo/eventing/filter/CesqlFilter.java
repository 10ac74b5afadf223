package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;
import io.cloudevents.sql.EvaluationException;
import io.cloudevents.sql.EvaluationRuntime;
import io.cloudevents.sql.Expression;
import io.cloudevents.sql.ParseException;
import io.cloudevents.sql.Parser;

/**
 * The {@code cesql} dialect: parsed once, evaluated fail-fast on each event (CESQL v1 §1.1: an event passes only
 * when the value is {@code true} and no error occurred, e.g. a missing attribute fails the filter).
 */
record CesqlFilter(String expression, Expression parsed) implements EventFilter {

    private static final String FIX =
            "; fix the expression (CESQL v1: https://github.com/cloudevents/spec/blob/main/cesql/spec.md)";

    /** Parses the expression, or throws {@link InvalidFilterException} naming the field, expression and error. */
    static CesqlFilter compile(String expression, String field) {
        String quoted = "invalid CESQL expression \"" + expression + "\": ";
        CesqlSyntax.firstError(expression).ifPresent(error -> {
            throw new InvalidFilterException(field, quoted + error + FIX, null);
        });
        try {
            return new CesqlFilter(expression, Parser.getDefault().parse(expression));
        } catch (ParseException e) {
            throw new InvalidFilterException(field, quoted + e.getMessage() + FIX, e);
        }
    }

    /** Evaluates the expression on the event; never throws. */
    CesqlResult evaluate(CloudEvent event) {
        try {
            return new CesqlResult.Value(parsed.tryEvaluate(EvaluationRuntime.getDefault(), new CesqlEventView(event)));
        } catch (EvaluationException e) {
            return new CesqlResult.Failed(e.getKind(), e.getMessage());
        } catch (RuntimeException e) {
            // The evaluator failing on an input it does not handle is still an evaluation error: the event must not
            // pass, and one odd event must not break the dispatcher.
            return new CesqlResult.Failed(EvaluationException.ErrorKind.GENERIC, e.toString());
        }
    }

    @Override
    public boolean test(CloudEvent event) {
        return evaluate(event) instanceof CesqlResult.Value(Boolean passed) && passed;
    }

    @Override
    public String toString() {
        return "CesqlFilter[" + expression + "]";
    }
}
