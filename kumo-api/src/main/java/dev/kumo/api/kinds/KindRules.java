package dev.kumo.api.kinds;

import dev.kumo.api.errors.FieldError;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A kind's admission rules assembled from its defaults, validation and warnings functions. */
public record KindRules<T>(
        BiFunction<T, Optional<T>, T> defaults,
        BiFunction<T, Optional<T>, List<FieldError>> validation,
        Function<T, List<String>> warnings) implements TypedAdmission.Rules<T> {

    /** Rules without warnings. */
    public static <T> KindRules<T> of(BiFunction<T, Optional<T>, T> defaults,
            BiFunction<T, Optional<T>, List<FieldError>> validation) {
        return new KindRules<>(defaults, validation, value -> List.of());
    }

    @Override
    public T withDefaults(T value) {
        return defaults.apply(value, Optional.empty());
    }

    @Override
    public T withDefaults(T value, Optional<T> existing) {
        return defaults.apply(value, existing);
    }

    @Override
    public List<FieldError> validate(T value, Optional<T> existing) {
        return validation.apply(value, existing);
    }

    @Override
    public List<String> warnings(T value) {
        return warnings.apply(value);
    }
}
