package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.pod.EnvFromSource;
import dev.kumo.api.serving.pod.EnvVar;
import dev.kumo.api.serving.pod.EnvVarSource;
import dev.kumo.api.serving.pod.KeySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A container's {@code env} and {@code envFrom}: names present and not reserved, exactly one source each. */
final class EnvValidation {

    /** Set by the platform in every serving container (the runtime contract); a user may not set them. */
    static final Set<String> RESERVED = Set.of("PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION");
    /** Sidecars do not get {@code PORT}, so they may set it. */
    static final Set<String> RESERVED_IN_SIDECARS = Set.of("K_SERVICE", "K_CONFIGURATION", "K_REVISION");

    private EnvValidation() {
    }

    static List<FieldError> validate(List<EnvVar> env, String path, Set<String> reserved) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < (env == null ? 0 : env.size()); i++) {
            EnvVar var = env.get(i);
            String at = path + "[" + i + "]";
            if (var.name() == null || var.name().isEmpty()) {
                errors.add(FieldError.required(at(at, "name"), ""));
            } else if (reserved.contains(var.name())) {
                errors.add(FieldError.invalid(at(at, "name"), var.name(),
                        "\"" + var.name() + "\" is a reserved environment variable"));
            }
            if (var.valueFrom() != null) {
                if (var.value() != null && !var.value().isEmpty()) {
                    errors.add(FieldError.forbidden(at(at, "valueFrom"),
                            "may not be specified when `value` is not empty"));
                }
                errors.addAll(valueFrom(var.valueFrom(), at(at, "valueFrom")));
            }
        }
        return errors;
    }

    static List<FieldError> validateFrom(List<EnvFromSource> envFrom, String path) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < (envFrom == null ? 0 : envFrom.size()); i++) {
            EnvFromSource source = envFrom.get(i);
            String at = path + "[" + i + "]";
            if (source.configMapRef() != null && source.secretRef() != null) {
                errors.add(KnativeErrors.multipleOneOf(at, List.of("configMapRef", "secretRef")));
            } else if (source.configMapRef() == null && source.secretRef() == null) {
                errors.add(KnativeErrors.missingOneOf(at, List.of("configMapRef", "secretRef")));
            } else if (source.configMapRef() != null ? isBlank(source.configMapRef().name())
                    : isBlank(source.secretRef().name())) {
                errors.add(FieldError.required(at(at, source.configMapRef() != null ? "configMapRef.name"
                        : "secretRef.name"), ""));
            }
        }
        return errors;
    }

    private static List<FieldError> valueFrom(EnvVarSource source, String path) {
        List<String> set = new ArrayList<>();
        if (source.configMapKeyRef() != null) {
            set.add("configMapKeyRef");
        }
        if (source.secretKeyRef() != null) {
            set.add("secretKeyRef");
        }
        if (source.fieldRef() != null) {
            set.add("fieldRef");
        }
        if (source.resourceFieldRef() != null) {
            set.add("resourceFieldRef");
        }
        if (set.isEmpty()) {
            return List.of(KnativeErrors.missingOneOf(path,
                    List.of("configMapKeyRef", "secretKeyRef", "fieldRef", "resourceFieldRef")));
        }
        if (set.size() > 1) {
            return List.of(KnativeErrors.multipleOneOf(path, set));
        }
        List<FieldError> errors = new ArrayList<>();
        keySelector(source.configMapKeyRef(), at(path, "configMapKeyRef"), errors);
        keySelector(source.secretKeyRef(), at(path, "secretKeyRef"), errors);
        return errors;
    }

    private static void keySelector(KeySelector selector, String path, List<FieldError> errors) {
        if (selector == null) {
            return;
        }
        if (isBlank(selector.name())) {
            errors.add(FieldError.required(at(path, "name"), ""));
        }
        if (isBlank(selector.key())) {
            errors.add(FieldError.required(at(path, "key"), ""));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}
