package dev.kumo.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.pod.ConfigMapVolumeSource;
import dev.kumo.api.serving.pod.KeyToPath;
import dev.kumo.api.serving.pod.ProjectedVolumeSource;
import dev.kumo.api.serving.pod.Quantities;
import dev.kumo.api.serving.pod.SecretVolumeSource;
import dev.kumo.api.serving.pod.Volume;
import dev.kumo.api.serving.pod.VolumeProjection;
import dev.kumo.runtime.spi.FileEntry;
import dev.kumo.runtime.spi.VolumeSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Revision's volumes as the runtime takes them: {@code emptyDir} as is, {@code configMap}, {@code secret} and
 * {@code projected} resolved to files from the objects in the Revision's namespace, as the kubelet writes them —
 * every key a file (or only {@code items}, at their paths), mode {@code items[].mode}, else {@code defaultMode}, else
 * 0644 for a ConfigMap's and 0400 for a Secret's. A missing object or key that is not optional fails as the
 * kubelet's CreateContainerConfigError does ({@link EnvResolver.UnresolvableEnvException}: retried, it may appear).
 */
final class VolumeSources {

    private final ObjectLookup lookup;

    VolumeSources(ObjectLookup lookup) {
        this.lookup = lookup;
    }

    /** Every volume of {@code volumes}; an IllegalArgumentException names a kind of volume Kumo cannot provide. */
    List<VolumeSpec> resolve(String namespace, List<Volume> volumes) {
        return volumes.stream().map(volume -> resolve(namespace, volume)).toList();
    }

    /** One volume. */
    VolumeSpec resolve(String namespace, Volume volume) {
        String name = volume.name();
        if (volume.emptyDir() != null) {
            return emptyDir(name, volume.emptyDir());
        }
        Map<String, FileEntry> files = new LinkedHashMap<>();
        if (volume.configMap() != null) {
            ConfigMapVolumeSource source = volume.configMap();
            add(files, namespace, name, false, source.name(), source.items(), source.optional(),
                    mode(source.defaultMode(), FileEntry.CONFIG_MAP_MODE));
        } else if (volume.secret() != null) {
            SecretVolumeSource source = volume.secret();
            add(files, namespace, name, true, source.secretName(), source.items(), source.optional(),
                    mode(source.defaultMode(), FileEntry.SECRET_MODE));
        } else if (volume.projected() != null) {
            projected(files, namespace, name, volume.projected());
        } else {
            throw new IllegalArgumentException("spec.volumes[" + name + "]: " + String.join(", ",
                    volume.setSources()) + " volumes are not provided by Kumo; use emptyDir, configMap, secret or "
                    + "projected");
        }
        return new VolumeSpec.Files(name, files);
    }

    /** Whether {@code volume} reads the ConfigMap ({@code secret} false) or Secret named {@code object}. */
    static boolean reads(Volume volume, boolean secret, String object) {
        if (volume.configMap() != null) {
            return !secret && object.equals(volume.configMap().name());
        }
        if (volume.secret() != null) {
            return secret && object.equals(volume.secret().secretName());
        }
        if (volume.projected() != null && volume.projected().sources() != null) {
            return volume.projected().sources().stream().anyMatch(source -> secret
                    ? source.secret() != null && object.equals(source.secret().name())
                    : source.configMap() != null && object.equals(source.configMap().name()));
        }
        return false;
    }

    private void projected(Map<String, FileEntry> files, String namespace, String volume,
            ProjectedVolumeSource projected) {
        for (VolumeProjection source : projected.sources() == null ? List.<VolumeProjection>of()
                : projected.sources()) {
            if (source.configMap() != null) {
                add(files, namespace, volume, false, source.configMap().name(), source.configMap().items(),
                        source.configMap().optional(), mode(projected.defaultMode(), FileEntry.CONFIG_MAP_MODE));
            } else if (source.secret() != null) {
                add(files, namespace, volume, true, source.secret().name(), source.secret().items(),
                        source.secret().optional(), mode(projected.defaultMode(), FileEntry.SECRET_MODE));
            } else {
                throw new IllegalArgumentException("spec.volumes[" + volume + "].projected.sources: "
                        + String.join(", ", source.setSources()) + " sources are not provided by Kumo; project "
                        + "configMap or secret sources");
            }
        }
    }

    private void add(Map<String, FileEntry> files, String namespace, String volume, boolean secret, String object,
            List<KeyToPath> items, Boolean optional, int defaultMode) {
        String kind = secret ? "secret" : "configmap";
        Optional<ObjectNode> found = lookup.get(secret ? ResourceTypes.SECRET : ResourceTypes.CONFIGMAP, namespace,
                object);
        if (found.isEmpty()) {
            if (Boolean.TRUE.equals(optional)) {
                return;
            }
            throw EnvResolver.missing(secret, object, namespace, "volume " + volume);
        }
        Map<String, byte[]> data = data(found.get(), secret);
        if (items == null || items.isEmpty()) {
            data.forEach((key, value) -> files.put(key, new FileEntry(value, defaultMode)));
            return;
        }
        for (KeyToPath item : items) {
            byte[] value = data.get(item.key());
            if (value == null) {
                if (Boolean.TRUE.equals(optional)) {
                    continue;
                }
                throw new EnvResolver.UnresolvableEnvException(kind + " \"" + object + "\" has no key \""
                        + item.key() + "\" (needed by volume " + volume + " items); add the key or mark the volume "
                        + "optional");
            }
            files.put(item.path(), new FileEntry(value, mode(item.mode(), defaultMode)));
        }
    }

    /** A ConfigMap's {@code data} (text) and {@code binaryData}, or a Secret's {@code data}, decoded, by key. */
    private static Map<String, byte[]> data(ObjectNode object, boolean secret) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.path("data").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String text = field.getValue().asText();
            data.put(field.getKey(), secret ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8));
        }
        if (!secret) {
            object.path("binaryData").fields().forEachRemaining(field -> data.put(field.getKey(),
                    Base64.getDecoder().decode(field.getValue().asText())));
        }
        return data;
    }

    private static VolumeSpec.EmptyDir emptyDir(String name, ObjectNode emptyDir) {
        boolean memory = "Memory".equals(emptyDir.path("medium").asText(""));
        JsonNode size = emptyDir.path("sizeLimit");
        String field = "spec.volumes[" + name + "].emptyDir.sizeLimit";
        OptionalLong limit = size.isMissingNode() || size.isNull() ? OptionalLong.empty()
                : OptionalLong.of(Quantities.ceil(Quantities.parse(size.asText(), field), field));
        return new VolumeSpec.EmptyDir(name, memory, limit);
    }

    private static int mode(Integer declared, int fallback) {
        return declared == null ? fallback : declared;
    }
}
