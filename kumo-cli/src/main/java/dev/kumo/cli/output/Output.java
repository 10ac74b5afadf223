package dev.kumo.cli.output;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What {@code -o} asked for: a format and, for {@code jsonpath=…} and {@code custom-columns=…}, its argument.
 *
 * @param format the format
 * @param argument the template or column list; empty for the other formats
 */
public record Output(OutputFormat format, String argument) {

    /** The value {@code -o}'s help shows. */
    public static final String LABEL = "json|yaml|name|url|wide|jsonpath=TEMPLATE|custom-columns=SPEC";

    /** Parses {@code -o}'s value, naming the formats there are when it is none of them. */
    public static Output parse(String text) {
        int equals = text.indexOf('=');
        String name = equals < 0 ? text : text.substring(0, equals);
        String argument = equals < 0 ? "" : text.substring(equals + 1);
        OutputFormat format = Arrays.stream(OutputFormat.values()).filter(f -> f.spelling().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an output format; "
                        + "use one of " + Arrays.stream(OutputFormat.values()).map(OutputFormat::spelling)
                                .collect(Collectors.joining(", "))));
        if (format.takesArgument() && argument.isBlank()) {
            throw new IllegalArgumentException(name + " needs " + (format == OutputFormat.jsonpath
                    ? "a template: -o jsonpath='{.metadata.name}'" : "columns: -o custom-columns=NAME:.metadata.name"));
        }
        if (!format.takesArgument() && equals >= 0) {
            throw new IllegalArgumentException(name + " takes no '=': -o " + name);
        }
        if (format == OutputFormat.jsonpath) {
            JsonPathTemplate.parse(argument);
        } else if (format == OutputFormat.customColumns) {
            CustomColumns.parse(argument);
        }
        return new Output(format, argument);
    }

    /** A format without an argument. */
    public static Output of(OutputFormat format) {
        return new Output(format, "");
    }
}
