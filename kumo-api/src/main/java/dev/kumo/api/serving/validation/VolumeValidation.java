package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.pod.KeyToPath;
import dev.kumo.api.serving.pod.Volume;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A Revision's volumes: unique DNS-1123 names, each mounted somewhere, each with exactly one source. */
final class VolumeValidation {

    private static final List<String> SOURCES = List.of("secret", "configMap", "projected", "emptyDir");

    private VolumeValidation() {
    }

    static List<FieldError> validate(List<Volume> volumes, Set<String> mounted, String path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < (volumes == null ? 0 : volumes.size()); i++) {
            Volume volume = volumes.get(i);
            String at = path + "[" + i + "]";
            String name = volume.name() == null ? "" : volume.name();
            if (name.isEmpty()) {
                errors.add(FieldError.required(at(at, "name"), ""));
            } else {
                Names.dns1123LabelError(name).ifPresent(e -> errors.add(FieldError.invalid(at(at, "name"), name, e)));
            }
            if (!seen.add(name)) {
                errors.add(FieldError.duplicate(at(at, "name"), name));
            }
            if (!name.isEmpty() && !mounted.contains(name)) {
                errors.add(FieldError.invalid(at(at, "name"), name, "volume with name \"" + name + "\" not mounted"));
            }
            errors.addAll(source(volume, at));
        }
        return errors;
    }

    private static List<FieldError> source(Volume volume, String path) {
        List<String> set = volume.setSources();
        if (set.isEmpty()) {
            return List.of(KnativeErrors.missingOneOf(path, SOURCES));
        }
        if (set.size() > 1) {
            return List.of(KnativeErrors.multipleOneOf(path, set));
        }
        List<FieldError> errors = new ArrayList<>();
        if (volume.secret() != null) {
            required(volume.secret().secretName(), at(path, "secret.secretName"), errors);
            errors.addAll(items(volume.secret().items(), at(path, "secret.items")));
        }
        if (volume.configMap() != null) {
            required(volume.configMap().name(), at(path, "configMap.name"), errors);
            errors.addAll(items(volume.configMap().items(), at(path, "configMap.items")));
        }
        if (volume.projected() != null) {
            errors.addAll(ProjectedVolumeValidation.validate(volume.projected(), at(path, "projected")));
        }
        if (volume.emptyDir() != null) {
            String medium = volume.emptyDir().path("medium").asText("");
            if (!medium.isEmpty() && !medium.equals("Memory")) {
                errors.add(FieldError.invalid(at(path, "emptyDir.medium"), medium, "want \"\" or \"Memory\""));
            }
        }
        return errors;
    }

    /** Validates the key-to-path items of a ConfigMap or Secret source. */
    static List<FieldError> items(List<KeyToPath> items, String path) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < (items == null ? 0 : items.size()); i++) {
            required(items.get(i).key(), at(path + "[" + i + "]", "key"), errors);
            required(items.get(i).path(), at(path + "[" + i + "]", "path"), errors);
        }
        return errors;
    }

    static void required(String value, String path, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(FieldError.required(path, ""));
        }
    }
}
