package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A volume of a Revision. ConfigMap, Secret and projected sources are typed; {@code emptyDir} and the sources Knative
 * puts behind feature flags are kept as written. Build one with {@link #builder()} or change one with
 * {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Volume(
        String name,
        ConfigMapVolumeSource configMap,
        SecretVolumeSource secret,
        ProjectedVolumeSource projected,
        ObjectNode emptyDir,
        ObjectNode persistentVolumeClaim,
        ObjectNode hostPath,
        ObjectNode csi,
        ObjectNode ephemeral,
        ObjectNode image) {

    public static VolumeBuilder builder() {
        return new VolumeBuilder();
    }

    /** A builder holding this volume's fields. */
    public VolumeBuilder toBuilder() {
        return new VolumeBuilder().name(name).configMap(configMap).secret(secret).projected(projected)
                .emptyDir(emptyDir).persistentVolumeClaim(persistentVolumeClaim).hostPath(hostPath).csi(csi)
                .ephemeral(ephemeral).image(image);
    }

    public static Volume ofConfigMap(String name, String configMapName) {
        return builder().name(name).configMap(new ConfigMapVolumeSource(null, null, configMapName, null)).build();
    }

    public static Volume ofSecret(String name, String secretName) {
        return builder().name(name).secret(new SecretVolumeSource(null, null, null, secretName)).build();
    }

    /** The names of the source fields that are set, in schema order. */
    public List<String> setSources() {
        List<String> set = new ArrayList<>();
        addIf(set, secret, "secret");
        addIf(set, configMap, "configMap");
        addIf(set, projected, "projected");
        addIf(set, emptyDir, "emptyDir");
        addIf(set, persistentVolumeClaim, "persistentVolumeClaim");
        addIf(set, hostPath, "hostPath");
        addIf(set, csi, "csi");
        addIf(set, ephemeral, "ephemeral");
        addIf(set, image, "image");
        return set;
    }

    /** Whether the volume may be written to: Knative mounts every other kind read-only. */
    @JsonIgnore
    public boolean isWritable() {
        return emptyDir != null || persistentVolumeClaim != null || ephemeral != null;
    }

    private static void addIf(List<String> set, Object source, String name) {
        if (source != null) {
            set.add(name);
        }
    }
}
