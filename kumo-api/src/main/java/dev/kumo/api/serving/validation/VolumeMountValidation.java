package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.pod.Volume;
import dev.kumo.api.serving.pod.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A container's volume mounts: each names a declared volume, at a unique absolute path that is not reserved. */
final class VolumeMountValidation {

    private static final Set<String> RESERVED_PATHS = Set.of("/", "/dev", "/dev/log");
    private static final Set<String> PROPAGATIONS = Set.of("None", "HostToContainer");

    private VolumeMountValidation() {
    }

    static List<FieldError> validate(List<VolumeMount> mounts, Map<String, Volume> volumes, String path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < (mounts == null ? 0 : mounts.size()); i++) {
            VolumeMount mount = mounts.get(i);
            String at = path + "[" + i + "]";
            Volume volume = volumes.get(mount.name());
            if (volume == null) {
                errors.add(FieldError.invalid(at(at, "name"), String.valueOf(mount.name()),
                        "volumeMount has no matching volume; declare it in spec.volumes"));
            }
            String mountPath = mount.mountPath() == null ? "" : mount.mountPath();
            String clean = mountPath.isEmpty() ? "" : Path.of(mountPath).normalize().toString();
            if (mountPath.isEmpty()) {
                errors.add(FieldError.required(at(at, "mountPath"), ""));
            } else if (RESERVED_PATHS.contains(clean)) {
                errors.add(FieldError.invalid(at(at, "mountPath"), mountPath,
                        "mountPath \"" + clean + "\" is a reserved path"));
            } else if (!mountPath.startsWith("/")) {
                errors.add(FieldError.invalid(at(at, "mountPath"), mountPath, "must be an absolute path"));
            } else if (!paths.add(clean)) {
                errors.add(FieldError.invalid(at(at, "mountPath"), mountPath, "must be unique"));
            }
            if (volume != null && !volume.isWritable() && !mount.isReadOnly()) {
                errors.add(FieldError.invalid(at(at, "readOnly"), false,
                        "volume mount should be readOnly for this type of volume"));
            }
            if (mount.mountPropagation() != null && !PROPAGATIONS.contains(mount.mountPropagation())) {
                errors.add(FieldError.invalid(at(at, "mountPropagation"), mount.mountPropagation(),
                        "mount propagation should be set to None or HostToContainer"));
            }
        }
        return errors;
    }
}
