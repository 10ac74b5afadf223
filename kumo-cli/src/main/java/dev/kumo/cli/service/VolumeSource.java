package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.pod.Quantities;
import java.util.Locale;
import java.util.Optional;

/**
 * The source of a volume as kn spells it: {@code cm:NAME} (or {@code config-map:}), {@code secret:NAME} (or
 * {@code sc:}), {@code ed:NAME} (or {@code emptyDir:}, with {@code :type=Memory,size=1Gi} on {@code --volume}) and
 * {@code pvc:CLAIM} (or {@code persistentVolumeClaim:}).
 *
 * @param field the volume's source field ({@code configMap}, {@code secret}, {@code emptyDir},
 *     {@code persistentVolumeClaim})
 * @param name the ConfigMap, Secret or claim named (for an emptyDir, kn's name, which the volume does not keep)
 * @param medium an emptyDir's medium ({@code Memory} for a tmpfs)
 * @param sizeLimit an emptyDir's size limit, a quantity
 */
record VolumeSource(String field, String name, Optional<String> medium, Optional<String> sizeLimit) {

    static final String KINDS = "cm:NAME, secret:NAME, ed:NAME or pvc:CLAIM";

    /** The source field a kn prefix stands for; empty for any other word (an existing volume's name on --mount). */
    static Optional<String> field(String prefix) {
        return Optional.ofNullable(switch (prefix) {
            case "cm", "config-map" -> "configMap";
            case "sc", "secret" -> "secret";
            case "ed", "emptyDir" -> "emptyDir";
            case "pvc", "persistentVolumeClaim" -> "persistentVolumeClaim";
            default -> null;
        });
    }

    /** {@code --volume}'s value: {@code KIND:NAME}, or {@code ed:NAME:type=Memory,size=1Gi} for an emptyDir. */
    static VolumeSource parse(String value, String edit) {
        String[] parts = value.split(":", 3);
        if (parts.length < 2) {
            throw new InvalidFlag("invalid --volume '" + edit + "': want NAME=" + KINDS);
        }
        String prefix = parts[0].strip();
        String field = field(prefix).orElseThrow(() -> new InvalidFlag("invalid --volume '" + edit
                + "': unknown volume type '" + prefix + "'; want " + KINDS));
        String name = parts[1].strip();
        if (parts.length == 2) {
            if (name.isEmpty()) {
                throw new InvalidFlag("invalid --volume '" + edit + "': the name after '" + prefix + ":' is missing");
            }
            return new VolumeSource(field, name, Optional.empty(), Optional.empty());
        }
        if (!field.equals("emptyDir")) {
            throw new InvalidFlag("invalid --volume '" + edit + "': only an emptyDir (ed:NAME:type=Memory,size=1Gi) "
                    + "takes options");
        }
        return emptyDir(name, parts[2], edit);
    }

    /** The volume's source object, as kn writes it. */
    ObjectNode toJson() {
        ObjectNode source = Json.object();
        switch (field) {
            case "configMap" -> source.put("name", name);
            case "secret" -> source.put("secretName", name);
            case "persistentVolumeClaim" -> source.put("claimName", name);
            default -> {
                medium.ifPresent(m -> source.put("medium", m));
                sizeLimit.ifPresent(s -> source.put("sizeLimit", s));
            }
        }
        return source;
    }

    private static VolumeSource emptyDir(String name, String options, String edit) {
        Optional<String> medium = Optional.empty();
        Optional<String> size = Optional.empty();
        for (String option : options.split(",", -1)) {
            String[] pair = option.split("=", 2);
            String key = pair[0].strip().toLowerCase(Locale.ROOT);
            if (pair.length < 2 || !(key.equals("type") || key.equals("size"))) {
                throw new InvalidFlag("invalid --volume '" + edit + "': want emptyDir options type=Memory and/or "
                        + "size=QUANTITY, comma-separated");
            }
            if (key.equals("type") ? medium.isPresent() : size.isPresent()) {
                throw new InvalidFlag("invalid --volume '" + edit + "': " + key + " is given twice");
            }
            if (key.equals("type")) {
                medium = Optional.of(pair[1]);
            } else {
                quantity(pair[1], "--volume", edit);
                size = Optional.of(pair[1]);
            }
        }
        return new VolumeSource("emptyDir", name, medium, size);
    }

    /** Refuses a value that is not a Kubernetes quantity, naming the flag. */
    static void quantity(String value, String flag, String edit) {
        try {
            Quantities.parse(value, flag);
        } catch (IllegalArgumentException e) {
            throw new InvalidFlag("invalid " + flag + " '" + edit + "': '" + value + "' is not a quantity; write "
                    + "e.g. 64Mi, 1G, 500m or 0.5");
        }
    }
}
