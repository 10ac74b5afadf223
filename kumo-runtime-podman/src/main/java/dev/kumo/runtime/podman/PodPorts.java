package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImageWorkload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** The loopback ports podman picked for a pod's published container ports, read from the pod's infra config. */
final class PodPorts {

    private PodPorts() {
    }

    /** For each port {@link PodSpecs#publishedPorts} publishes, the loopback port podman bound to it. */
    static Map<Integer, Integer> of(PodmanClient podman, String pod, ImageWorkload spec) {
        JsonObject bindings = podman.inspectPod(pod).join().getJsonObject("InfraConfig", new JsonObject())
                .getJsonObject("PortBindings", new JsonObject());
        Map<Integer, Integer> hostPorts = new HashMap<>();
        for (int port : PodSpecs.publishedPorts(spec)) {
            JsonArray bound = bindings.getJsonArray(port + "/tcp", new JsonArray());
            if (bound.isEmpty()) {
                throw new PodmanException("publishing port " + port + " of pod " + pod, 0, "podman bound no host "
                        + "port for it: " + bindings.encode());
            }
            hostPorts.put(port, Integer.parseInt(bound.getJsonObject(0).getString("HostPort")));
        }
        return hostPorts;
    }
}
