package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Pure builders of what podman is asked to create for one instance: the pod (its own network namespace on
 * podman's bridge, or on slirp4netns when it must reach Kumo's loopback ({@link HostLoopback}); the serving port
 * and any other probed port published on 127.0.0.1 at a port podman picks) and the workload container in it
 * (libpod SpecGenerator JSON).
 */
final class PodSpecs {

    /** Knative's containerPort when none is declared. */
    static final int DEFAULT_PORT = 8080;
    private static final long CPU_PERIOD_MICROS = 100_000;
    /** Output to a file conmon writes, whatever the service's default driver: Kumo tails it (ContainerLogFile). */
    static final JsonObject LOG_FILE = new JsonObject().put("driver", "k8s-file");

    private PodSpecs() {
    }

    /** The port the container serves on: the declared containerPort, else 8080. */
    static int servingPort(ImageWorkload spec) {
        return spec.containerPort() == 0 ? DEFAULT_PORT : spec.containerPort();
    }

    /** The container ports a probe reaches: the serving port and any other port a probe (a sidecar's too) names. */
    static SortedSet<Integer> publishedPorts(ImageWorkload spec) {
        SortedSet<Integer> ports = new TreeSet<>();
        ports.add(servingPort(spec));
        Stream.concat(Stream.concat(Stream.of(spec.readiness()), spec.liveness().stream()),
                        SidecarSpecs.probes(spec)).map(ProbeSpec::probe)
                .filter(probe -> !(probe instanceof Probe.Running)).map(Probe::port)
                .filter(port -> port != 0).forEach(ports::add);
        return ports;
    }

    /** The pod: labelled, a private bridge network namespace, the ports published on loopback only. */
    static JsonObject pod(String name, Map<String, String> labels, ImageWorkload spec) {
        JsonArray mappings = new JsonArray();
        for (int port : publishedPorts(spec)) {
            mappings.add(new JsonObject().put("host_ip", "127.0.0.1").put("container_port", port)
                    .put("host_port", 0).put("protocol", "tcp"));
        }
        JsonObject pod = new JsonObject().put("name", name)
                .put("labels", new JsonObject(new LinkedHashMap<>(labels)))
                .put("netns", new JsonObject().put("nsmode", "bridge")).put("portmappings", mappings);
        boolean hostLoopback = HostLoopback.needed(spec.env())
                || spec.sidecars().stream().anyMatch(sidecar -> HostLoopback.needed(sidecar.env()));
        if (hostLoopback) { // a K_SINK on the host's loopback: a network that reaches it
            pod.put("netns", new JsonObject().put("nsmode", "slirp4netns")).put("network_options",
                    new JsonObject().put("slirp4netns", new JsonArray().add("allow_host_loopback=true")));
        }
        return pod;
    }

    /**
     * The workload's container in the pod: run under an init (so PID 1 forwards SIGTERM), command and args
     * overriding the image's entrypoint and cmd as Knative does, PORT and K_* set by the platform, stopped with
     * the grace period, as the user asked, within its limits.
     */
    static JsonObject container(String name, String pod, Map<String, String> labels, ImageWorkload spec) {
        Map<String, String> env = env(spec);
        JsonObject container = new JsonObject().put("name", name).put("pod", pod).put("image", spec.image())
                .put("init", true).put("labels", new JsonObject(new LinkedHashMap<>(labels)))
                .put("env", new JsonObject(new LinkedHashMap<>(env)))
                .put("stop_timeout", graceSeconds(spec.terminationGracePeriod()))
                .put("log_configuration", LOG_FILE.copy());
        ContainerCommands.apply(container, spec.command(), spec.args(), env);
        spec.workingDir().ifPresent(dir -> container.put("work_dir", dir.toString()));
        user(spec).ifPresent(user -> container.put("user", user));
        resources(spec).ifPresent(limits -> container.put("resource_limits", limits));
        return HardeningSpec.apply(container, spec.hardening());
    }

    /** The spec's variables, then the platform's PORT and K_* which the spec cannot override. */
    static Map<String, String> env(ImageWorkload spec) {
        Map<String, String> env = HostLoopback.reachable(spec.env());
        env.put("PORT", Integer.toString(servingPort(spec)));
        spec.revision().service().ifPresent(service -> env.put("K_SERVICE", service));
        env.put("K_CONFIGURATION", spec.revision().configuration());
        env.put("K_REVISION", spec.revision().revision());
        return env;
    }

    /** Podman's stop timeout is whole seconds: the grace period rounded up. */
    static long graceSeconds(Duration grace) {
        return grace.plusNanos(999_999_999).getSeconds();
    }

    private static Optional<String> user(ImageWorkload spec) {
        return spec.runAs().user().stream().mapToObj(uid -> uid + spec.runAs().group().stream()
                .mapToObj(gid -> ":" + gid).findFirst().orElse("")).findFirst();
    }

    /** OCI LinuxResources: memory limit in bytes, CPU as a CFS quota per 100 ms period. */
    private static Optional<JsonObject> resources(ImageWorkload spec) {
        if (!spec.limits().any()) {
            return Optional.empty();
        }
        JsonObject resources = new JsonObject();
        spec.limits().memoryBytes().ifPresent(bytes -> resources.put("memory", new JsonObject()
                .put("limit", bytes).put("swap", bytes)));
        spec.limits().cpuMillis().ifPresent(millis -> resources.put("cpu", new JsonObject()
                .put("quota", millis * CPU_PERIOD_MICROS / 1000).put("period", CPU_PERIOD_MICROS)));
        return Optional.of(resources);
    }
}
