package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * kn's {@code --mount} and {@code --volume} applied to a pod spec and its first container. {@code --mount
 * PATH=cm:NAME} (also {@code secret:}, {@code ed:}, {@code pvc:}) declares a volume named after the path and mounts
 * it; {@code --mount PATH=VOLUME} mounts a declared volume; either may add {@code /SUBPATH} after the name and
 * {@code :readOnly=BOOL} (ConfigMaps and Secrets are read-only by default). {@code --volume NAME=cm:X} declares or
 * changes a volume. {@code PATH-} unmounts (and drops the volume the mount declared), {@code NAME-} drops a volume
 * no longer mounted.
 */
final class VolumeEdits {

    private VolumeEdits() {
    }

    /** Where a mount points: the volume, the path inside it, and whether it is read-only if said. */
    private record Target(String volume, String subPath, Optional<Boolean> readOnly) {
    }

    static void apply(ObjectNode podSpec, ObjectNode container, List<String> mountEdits, List<String> volumeEdits) {
        if (mountEdits.isEmpty() && volumeEdits.isEmpty()) {
            return;
        }
        Map<String, String> mountValues = new LinkedHashMap<>();
        List<String> unmount = removals(mountEdits, "--mount", mountValues);
        Map<String, String> volumeValues = new LinkedHashMap<>();
        List<String> dropVolumes = new ArrayList<>(removals(volumeEdits, "--volume", volumeValues));

        Map<String, VolumeSource> sources = new LinkedHashMap<>();
        Map<String, Target> mounts = new LinkedHashMap<>();
        mountValues.forEach((path, value) -> mounts.put(path, target(path, value, sources)));
        volumeValues.forEach((name, value) -> sources.put(name, VolumeSource.parse(value, name + "=" + value)));

        ArrayNode volumes = podSpec.withArrayProperty("volumes");
        sources.forEach((name, source) -> declare(volumes, name, source));
        ArrayNode volumeMounts = container.withArrayProperty("volumeMounts");
        mounts.forEach((path, target) -> mount(volumeMounts, volumes, path, target));

        for (String path : unmount) {
            int index = indexOf(volumeMounts, "mountPath", path);
            if (index >= 0) {
                if (volumeMounts.get(index).path("name").asText().equals(MountVolumeName.of(path))) {
                    dropVolumes.add(MountVolumeName.of(path));
                }
                volumeMounts.remove(index);
            }
        }
        for (String name : dropVolumes) {
            if (indexOf(volumeMounts, "name", name) >= 0) {
                throw new InvalidFlag("invalid --volume '" + name + "-': the volume is mounted; unmount it first "
                        + "with --mount PATH-");
            }
            int index = indexOf(volumes, "name", name);
            if (index >= 0) {
                volumes.remove(index);
            }
        }
        dropIfEmpty(container, "volumeMounts");
        dropIfEmpty(podSpec, "volumes");
    }

    /** Splits {@code KEY=value} edits into {@code values} (the last one of a key wins) and returns the removals. */
    private static List<String> removals(List<String> edits, String flag, Map<String, String> values) {
        List<String> removals = new ArrayList<>();
        for (String edit : edits) {
            int equals = edit.indexOf('=');
            if (equals > 0) {
                values.put(edit.substring(0, equals), edit.substring(equals + 1));
            } else if (equals < 0 && edit.length() > 1 && edit.endsWith("-")) {
                removals.add(edit.substring(0, edit.length() - 1));
            } else {
                throw new InvalidFlag("invalid " + flag + " '" + edit + "': want " + (flag.equals("--mount")
                        ? "PATH=" + VolumeSource.KINDS + " (or an existing volume's name), or PATH- to unmount"
                        : "NAME=" + VolumeSource.KINDS + ", or NAME- to remove it"));
            }
        }
        return removals;
    }

    /** A mount's target; a typed value also declares the volume named after the path. */
    private static Target target(String path, String value, Map<String, VolumeSource> sources) {
        String edit = path + "=" + value;
        String[] typed = value.split(":", 2);
        if (typed.length == 1) {
            return reference(value, Optional.empty(), edit);
        }
        String field = VolumeSource.field(typed[0]).orElseThrow(() -> new InvalidFlag("invalid --mount '" + edit
                + "': unknown volume type '" + typed[0] + "'; want " + VolumeSource.KINDS
                + " (or an existing volume's name)"));
        String[] withOptions = typed[1].split(":", 2);
        Target named = reference(withOptions[0], withOptions.length == 2 ? Optional.of(withOptions[1])
                : Optional.empty(), edit);
        if (named.volume().isEmpty()) {
            throw new InvalidFlag("invalid --mount '" + edit + "': the name after '" + typed[0] + ":' is missing");
        }
        String generated = MountVolumeName.of(path);
        sources.put(generated, new VolumeSource(field, named.volume(), Optional.empty(), Optional.empty()));
        return new Target(generated, named.subPath(), named.readOnly());
    }

    /** {@code NAME[/SUBPATH]} with its options ({@code readOnly=BOOL}). */
    private static Target reference(String name, Optional<String> options, String edit) {
        String[] parts = name.split("/", 2);
        Optional<Boolean> readOnly = Optional.empty();
        if (options.isPresent()) {
            for (String option : options.get().split(",")) {
                String[] pair = option.split("=", 2);
                if (!pair[0].toLowerCase(Locale.ROOT).equals("readonly") || pair.length < 2) {
                    throw new InvalidFlag("invalid --mount '" + edit + "': unknown mount option '" + option
                            + "'; the only one is readOnly=true|false");
                }
                readOnly = Optional.of(bool(pair[1], edit));
            }
        }
        return new Target(parts[0], parts.length == 2 ? parts[1] : "", readOnly);
    }

    private static boolean bool(String value, String edit) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw new InvalidFlag("invalid --mount '" + edit + "': readOnly must be true or false");
        };
    }

    /** Declares the volume, or gives an existing one of that name the new source. */
    private static void declare(ArrayNode volumes, String name, VolumeSource source) {
        ObjectNode volume = volumes.objectNode().put("name", name);
        volume.set(source.field(), source.toJson());
        int index = indexOf(volumes, "name", name);
        if (index >= 0) {
            volumes.set(index, volume);
        } else {
            volumes.add(volume);
        }
    }

    private static void mount(ArrayNode volumeMounts, ArrayNode volumes, String path, Target target) {
        int volume = indexOf(volumes, "name", target.volume());
        if (volume < 0) {
            throw new InvalidFlag("invalid --mount '" + path + "=" + target.volume() + "': there is no volume named '"
                    + target.volume() + "'; declare it with --volume " + target.volume() + "=cm:NAME (or secret:, "
                    + "ed:), or mount a source directly: --mount " + path + "=cm:NAME");
        }
        boolean readOnly = target.readOnly().orElseGet(() -> readOnlyByDefault(volumes.get(volume)));
        int index = indexOf(volumeMounts, "mountPath", path);
        ObjectNode mount = index >= 0 ? (ObjectNode) volumeMounts.get(index) : volumeMounts.addObject();
        mount.put("name", target.volume());
        if (readOnly) {
            mount.put("readOnly", true);
        } else {
            mount.remove("readOnly");
        }
        mount.put("mountPath", path);
        if (target.subPath().isEmpty()) {
            mount.remove("subPath");
        } else {
            mount.put("subPath", target.subPath());
        }
    }

    private static boolean readOnlyByDefault(JsonNode volume) {
        return !volume.has("emptyDir") && !volume.has("persistentVolumeClaim");
    }

    private static int indexOf(ArrayNode array, String field, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (value.equals(array.get(i).path(field).asText(null))) {
                return i;
            }
        }
        return -1;
    }

    private static void dropIfEmpty(ObjectNode node, String field) {
        if (node.path(field).isEmpty()) {
            node.remove(field);
        }
    }
}
