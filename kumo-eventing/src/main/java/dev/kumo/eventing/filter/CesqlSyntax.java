package dev.kumo.eventing.filter;

import io.cloudevents.sql.generated.CESQLParserLexer;
import io.cloudevents.sql.generated.CESQLParserParser;
import io.cloudevents.sql.impl.parser.CaseChangingCharStream;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Checks a CESQL expression against the SDK's own grammar and reports the first syntax error with its column.
 * <p>
 * Why not just the SDK's {@code Parser}: in cloudevents-sql 4.0.1 its error listener dereferences the ANTLR
 * {@code RecognitionException}, which ANTLR leaves {@code null} for "extraneous input" and "missing token" errors
 * ({@code type = 'a' )}, {@code (type = 'a'}, {@code type == 'a'}), so those expressions fail with a
 * {@code NullPointerException} instead of a {@code ParseException}, and its lexer prints token errors to stderr.
 */
final class CesqlSyntax {

    private CesqlSyntax() {
    }

    /** The first syntax error as {@code at column N: message}, or empty when the expression is well-formed. */
    static Optional<String> firstError(String expression) {
        FirstError listener = new FirstError();
        CESQLParserLexer lexer = new CESQLParserLexer(
                new CaseChangingCharStream(CharStreams.fromString(expression), true));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CESQLParserParser parser = new CESQLParserParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        parser.cesql();
        return Optional.ofNullable(listener.error);
    }

    private static final class FirstError extends BaseErrorListener {
        private String error;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                String message, RecognitionException cause) {
            if (error == null) {
                error = "at column " + (column + 1) + ": " + message;
            }
        }
    }
}
