package dev.kumo.api.serving.autoscaling;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads autoscaling annotations as numbers and durations, treating a value that does not parse as absent. */
record AnnotationReader(Map<String, String> annotations) {

    Optional<String> text(AnnotationKey key) {
        return key.lookup(annotations).map(AnnotationKey.Found::value);
    }

    Optional<Double> number(AnnotationKey key) {
        return parsed(key, Double::parseDouble);
    }

    Optional<Integer> integer(AnnotationKey key) {
        return parsed(key, Integer::parseInt);
    }

    Optional<Duration> duration(AnnotationKey key) {
        return text(key).flatMap(GoDuration::parse);
    }

    private <T> Optional<T> parsed(AnnotationKey key, Function<String, T> parser) {
        return text(key).flatMap(value -> {
            try {
                return Optional.of(parser.apply(value));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
