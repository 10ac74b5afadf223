package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.SidecarSpec;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pure builders for the sidecars of an instance: each a container in the instance's pod (sharing its network
 * namespace, so it listens on its own port beside the serving one), under an init, with its own command, args,
 * environment and volumeMounts (the instance's volumes, as the serving container mounts them), labelled with the
 * instance's labels and its container name.
 */
final class SidecarSpecs {

    /** The label naming which container of the instance a podman container runs. */
    static final String CONTAINER = "dev.kumo/container";

    private SidecarSpecs() {
    }

    /** The probes every sidecar declares. */
    static Stream<ProbeSpec> probes(ImageWorkload spec) {
        return spec.sidecars().stream().flatMap(sidecar -> Stream.concat(sidecar.readiness().stream(),
                sidecar.liveness().stream()));
    }

    /** The sidecar's {@code run}-th container in the pod. */
    static JsonObject container(String pod, int run, Map<String, String> labels, SidecarSpec sidecar,
            ImageWorkload spec, InstanceVolumes volumes) {
        Map<String, String> env = HostLoopback.reachable(sidecar.env());
        Map<String, String> own = new LinkedHashMap<>(labels);
        own.put(CONTAINER, sidecar.name());
        JsonObject container = MountSpecs.into(new JsonObject(), sidecar.mounts(), volumes)
                .put("name", pod + "-" + sidecar.name() + "-" + run).put("pod", pod)
                .put("image", sidecar.image()).put("init", true).put("labels", new JsonObject(
                        new LinkedHashMap<>(own)))
                .put("env", new JsonObject(new LinkedHashMap<>(env)))
                .put("stop_timeout", PodSpecs.graceSeconds(spec.terminationGracePeriod()))
                .put("log_configuration", PodSpecs.LOG_FILE.copy());
        return ContainerCommands.apply(container, sidecar.command(), sidecar.args(), env);
    }
}
