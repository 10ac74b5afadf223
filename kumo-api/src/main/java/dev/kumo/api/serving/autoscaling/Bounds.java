package dev.kumo.api.serving.autoscaling;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which values an autoscaler setting allows, and what to say when one is not: a closed range (which admission
 * also checks annotations against, in Knative's words) or a rule of its own.
 *
 * @param allowed whether a parsed value is allowed
 * @param want what an allowed value is, as an error ends ({@code want 1 to 100})
 * @param range the closed range, when the bounds are one
 */
public record Bounds<T>(Predicate<T> allowed, String want, Optional<Range<T>> range) {

    /**
     * A closed range {@code [min, max]}, in whole seconds when {@code wholeSeconds} (durations). Made only by
     * {@link Bounds#range} and {@link Bounds#wholeSeconds}, for comparable values.
     */
    public record Range<T>(T min, T max, boolean wholeSeconds) {

        public boolean contains(T value) {
            @SuppressWarnings("unchecked") // the factories take comparable bounds only
            Comparable<? super T> low = (Comparable<? super T>) min;
            @SuppressWarnings("unchecked")
            Comparable<? super T> high = (Comparable<? super T>) max;
            return low.compareTo(value) <= 0 && high.compareTo(value) >= 0
                    && !(wholeSeconds && value instanceof Duration duration && duration.getNano() != 0);
        }

        /** {@code 1 to 100}, {@code whole seconds from 6s to 1h}. */
        public String text() {
            return (wholeSeconds ? "whole seconds from " : "") + bound(min) + " to " + bound(max);
        }

        /** A bound as Knative writes it: a plain number ({@code 110}) or a short duration ({@code 6s}, {@code 1h}). */
        public static String bound(Object value) {
            if (value instanceof Duration duration) {
                if (duration.isZero()) {
                    return "0s";
                }
                return duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0 ? duration.toHours() + "h"
                        : duration.getSeconds() + "s";
            }
            if (value instanceof Double number && number == Math.rint(number)) {
                return String.valueOf(number.longValue());
            }
            return String.valueOf(value);
        }
    }

    /** Any value of {@code type}. */
    static <T> Bounds<T> any(ValueType<T> type) {
        return new Bounds<>(value -> true, type.want(), Optional.empty());
    }

    /** Values {@code allowed} accepts, {@code want} saying which. */
    static <T> Bounds<T> of(Predicate<T> allowed, String want) {
        return new Bounds<>(allowed, want, Optional.empty());
    }

    /** Values from {@code min} to {@code max}. */
    static <T extends Comparable<? super T>> Bounds<T> range(T min, T max) {
        return of(new Range<>(min, max, false));
    }

    /** Durations from {@code min} to {@code max} in whole seconds. */
    static Bounds<Duration> wholeSeconds(Duration min, Duration max) {
        return of(new Range<>(min, max, true));
    }

    private static <T> Bounds<T> of(Range<T> range) {
        return new Bounds<>(range::contains, range.text(), Optional.of(range));
    }
}
