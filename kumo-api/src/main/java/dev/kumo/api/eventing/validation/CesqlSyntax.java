package dev.kumo.api.eventing.validation;

import io.cloudevents.sql.ParseException;
import io.cloudevents.sql.Parser;
import java.util.Optional;

/**
 * Checks that a CESQL expression parses, as Knative's webhook does. Constant folding is off, so only syntax (and
 * literal values) are judged here; evaluation errors are the data plane's, where they fail the filter.
 */
final class CesqlSyntax {

    private static final Parser PARSER = Parser.builder().disableConstantFolding().build();

    private CesqlSyntax() {
    }

    /** Why {@code expression} does not parse, if it does not. */
    static Optional<String> error(String expression) {
        try {
            PARSER.parse(expression);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            // Knative treats a parser that panics as an invalid expression too.
            return Optional.of("the CESQL parser failed: " + e);
        }
    }
}
