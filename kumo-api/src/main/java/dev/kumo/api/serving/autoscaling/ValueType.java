package dev.kumo.api.serving.autoscaling;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How an autoscaler setting is written, the same in the config file and in an annotation: its parser and, for a
 * value that does not parse, what is wanted instead.
 *
 * @param want what a valid value looks like, as an error message ends ({@code want a number})
 * @param parser the value a text denotes, or empty
 */
public record ValueType<T>(String want, Function<String, Optional<T>> parser) {

    public static final ValueType<Double> NUMBER = new ValueType<>("a number",
            text -> parsed(text, Double::parseDouble));
    public static final ValueType<Integer> WHOLE_NUMBER = new ValueType<>("a whole number",
            text -> parsed(text, Integer::parseInt));
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>("true or false",
            text -> text.equals("true") || text.equals("false") ? Optional.of(Boolean.parseBoolean(text))
                    : Optional.empty());
    /** A Go duration that is not negative ({@code 60s}, {@code 1m30s}). */
    public static final ValueType<Duration> DURATION = new ValueType<>("a duration such as 60s or 1m30s",
            text -> GoDuration.parse(text).filter(d -> !d.isNegative()));
    public static final ValueType<String> TEXT = new ValueType<>("text", Optional::of);

    /** The value {@code text} denotes, or empty when it does not parse. */
    public Optional<T> parse(String text) {
        return parser.apply(text);
    }

    private static <T> Optional<T> parsed(String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
