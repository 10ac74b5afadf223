package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.pod.DownwardAPIVolumeFile;
import dev.kumo.api.serving.pod.ProjectedVolumeSource;
import dev.kumo.api.serving.pod.VolumeProjection;
import java.util.ArrayList;
import java.util.List;

/** A projected volume: each source exactly one of secret, configMap, serviceAccountToken or downwardAPI. */
final class ProjectedVolumeValidation {

    private static final List<String> SOURCES = List.of("secret", "configMap", "serviceAccountToken", "downwardAPI");

    private ProjectedVolumeValidation() {
    }

    static List<FieldError> validate(ProjectedVolumeSource projected, String path) {
        List<FieldError> errors = new ArrayList<>();
        List<VolumeProjection> sources = projected.sources() == null ? List.of() : projected.sources();
        for (int i = 0; i < sources.size(); i++) {
            errors.addAll(source(sources.get(i), path + ".sources[" + i + "]"));
        }
        return errors;
    }

    private static List<FieldError> source(VolumeProjection source, String path) {
        List<String> set = source.setSources();
        if (set.isEmpty()) {
            return List.of(KnativeErrors.missingOneOf(path, SOURCES));
        }
        if (set.size() > 1) {
            return List.of(KnativeErrors.multipleOneOf(path, set));
        }
        List<FieldError> errors = new ArrayList<>();
        if (source.secret() != null) {
            VolumeValidation.required(source.secret().name(), at(path, "secret.name"), errors);
            errors.addAll(VolumeValidation.items(source.secret().items(), at(path, "secret.items")));
        }
        if (source.configMap() != null) {
            VolumeValidation.required(source.configMap().name(), at(path, "configMap.name"), errors);
            errors.addAll(VolumeValidation.items(source.configMap().items(), at(path, "configMap.items")));
        }
        if (source.serviceAccountToken() != null) {
            VolumeValidation.required(source.serviceAccountToken().path(), at(path, "serviceAccountToken.path"),
                    errors);
        }
        if (source.downwardAPI() != null && source.downwardAPI().items() != null) {
            List<DownwardAPIVolumeFile> items = source.downwardAPI().items();
            for (int i = 0; i < items.size(); i++) {
                errors.addAll(downwardFile(items.get(i), path + ".downwardAPI.items[" + i + "]"));
            }
        }
        return errors;
    }

    private static List<FieldError> downwardFile(DownwardAPIVolumeFile file, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (file.fieldRef() == null && file.resourceFieldRef() == null) {
            errors.add(KnativeErrors.missingOneOf(path, List.of("fieldRef", "resourceFieldRef")));
        } else if (file.fieldRef() != null && file.resourceFieldRef() != null) {
            errors.add(KnativeErrors.multipleOneOf(path, List.of("fieldRef", "resourceFieldRef")));
        }
        VolumeValidation.required(file.path(), at(path, "path"), errors);
        return errors;
    }
}
