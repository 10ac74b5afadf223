package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds a {@link Volume}; every field starts unset. */
public final class VolumeBuilder {

    private String name;
    private ConfigMapVolumeSource configMap;
    private SecretVolumeSource secret;
    private ProjectedVolumeSource projected;
    private ObjectNode emptyDir;
    private ObjectNode persistentVolumeClaim;
    private ObjectNode hostPath;
    private ObjectNode csi;
    private ObjectNode ephemeral;
    private ObjectNode image;

    VolumeBuilder() {
    }

    public VolumeBuilder name(String value) { name = value; return this; }

    public VolumeBuilder configMap(ConfigMapVolumeSource value) { configMap = value; return this; }

    public VolumeBuilder secret(SecretVolumeSource value) { secret = value; return this; }

    public VolumeBuilder projected(ProjectedVolumeSource value) { projected = value; return this; }

    public VolumeBuilder emptyDir(ObjectNode value) { emptyDir = value; return this; }

    public VolumeBuilder persistentVolumeClaim(ObjectNode value) { persistentVolumeClaim = value; return this; }

    public VolumeBuilder hostPath(ObjectNode value) { hostPath = value; return this; }

    public VolumeBuilder csi(ObjectNode value) { csi = value; return this; }

    public VolumeBuilder ephemeral(ObjectNode value) { ephemeral = value; return this; }

    public VolumeBuilder image(ObjectNode value) { image = value; return this; }

    public Volume build() {
        return new Volume(name, configMap, secret, projected, emptyDir, persistentVolumeClaim, hostPath, csi,
                ephemeral, image);
    }
}
