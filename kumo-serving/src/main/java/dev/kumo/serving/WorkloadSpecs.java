package dev.kumo.serving;

import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.pod.Capabilities;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.IntOrString;
import dev.kumo.api.serving.pod.SecurityContext;
import dev.kumo.runtime.spi.Hardening;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.MountSpec;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.PullSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.serving.images.ResolvedImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a Revision's serving container into what the runtime runs: a container with a command is a process
 * workload (its image, if any, is not needed to run it), one with an image and no command an image workload. An
 * image workload carries everything else a Knative pod has: the other containers as sidecars, the volumes
 * ({@link VolumeSources}) and mounts, the pull policy and registry credentials ({@link PullSecrets}) and the
 * securityContext beyond the user.
 */
final class WorkloadSpecs {

    private static final String CONFIGURATION_LABEL = "serving.knative.dev/configuration";
    private static final String SERVICE_LABEL = "serving.knative.dev/service";

    private final EnvResolver env;
    private final VolumeSources volumes;
    private final PullSecrets pullSecrets;

    WorkloadSpecs(EnvResolver env, VolumeSources volumes, PullSecrets pullSecrets) {
        this.env = env;
        this.volumes = volumes;
        this.pullSecrets = pullSecrets;
    }

    /** Env references, volumes and pull secrets all read through {@code lookup} (the store). */
    static WorkloadSpecs reading(ObjectLookup lookup) {
        return new WorkloadSpecs(new EnvResolver(lookup), new VolumeSources(lookup), new PullSecrets(lookup));
    }

    /** Without volumes or pull secrets to read: env references through {@code env}'s lookup only. */
    WorkloadSpecs(EnvResolver env) {
        this(env, new VolumeSources((type, namespace, name) -> Optional.empty()),
                new PullSecrets((type, namespace, name) -> Optional.empty()));
    }

    /** The workload of {@code revision}'s serving container, of the kind {@code runtime} runs (see {@link RuntimeChoice}). */
    WorkloadSpec of(Revision revision, RuntimeName runtime) {
        String name = revision.metadata().name();
        Map<String, String> labels = revision.metadata().labelsOrEmpty();
        return of(revision, runtime, new RevisionRef(revision.metadata().namespace(),
                Optional.ofNullable(labels.get(SERVICE_LABEL)), labels.getOrDefault(CONFIGURATION_LABEL, name), name));
    }

    /** As {@link #of(Revision, RuntimeName)}, its instances running under {@code ref} (a Deployment's template). */
    WorkloadSpec of(Revision revision, RuntimeName runtime, RevisionRef ref) {
        String namespace = revision.metadata().namespace();
        Container container = servingContainer(revision);
        WorkloadSpec.Builder<?> spec = builder(ref, ResolvedImages.container(revision, container), runtime)
                .command(orEmpty(container.command()))
                .args(orEmpty(container.args()))
                .env(env.resolve(namespace, container))
                .containerPort(containerPort(container))
                .runAs(ContainerSecurity.runAs(revision.spec().securityContext(), container))
                .limits(limits(revision));
        if (container.workingDir() != null && !container.workingDir().isEmpty()) {
            spec.workingDir(Path.of(container.workingDir()));
        }
        readiness(container.readinessProbe()).ifPresent(spec::readiness);
        liveness(container.livenessProbe()).ifPresent(spec::liveness);
        if (spec instanceof ImageWorkload.Builder image) {
            pod(image, revision, container);
        }
        return spec.build();
    }

    /** What the serving container shares with the rest of the pod, or has only as a container. */
    private void pod(ImageWorkload.Builder image, Revision revision, Container serving) {
        String namespace = revision.metadata().namespace();
        List<Container> containers = revision.spec().containersOrEmpty();
        image.containerName(name(serving, containers.indexOf(serving)));
        volumes.resolve(namespace, revision.spec().volumesOrEmpty()).forEach(image::volume);
        mounts(serving).forEach(image::mount);
        for (int i = 0; i < containers.size(); i++) {
            Container sidecar = containers.get(i);
            if (sidecar != serving) {
                image.sidecar(sidecar(namespace, ResolvedImages.container(revision, sidecar), i));
            }
        }
        boolean defaulted = serving.imagePullPolicy() == null || serving.imagePullPolicy().isEmpty();
        image.pull(new PullSpec(defaulted ? PullSecrets.defaultPolicy(serving.image())
                : PullSpec.Policy.parse(serving.imagePullPolicy()), defaulted,
                pullSecrets.credentials(namespace, revision.spec().imagePullSecrets() == null ? List.of()
                        : revision.spec().imagePullSecrets())));
        image.hardening(hardening(serving.securityContext()));
    }

    private SidecarSpec sidecar(String namespace, Container container, int index) {
        String name = name(container, index);
        if (container.image() == null || container.image().isEmpty()) {
            throw new IllegalArgumentException("spec.containers[" + index + "].image: sidecar " + name + " has no "
                    + "image; every container of a multi-container Revision needs one");
        }
        return new SidecarSpec(name, container.image(), orEmpty(container.command()), orEmpty(container.args()),
                env.resolve(namespace, container), mounts(container), readiness(container.readinessProbe()),
                liveness(container.livenessProbe()));
    }

    /** The container's name; admission names every container, so the fallback is Knative's for one it missed. */
    private static String name(Container container, int index) {
        return container.name() != null && !container.name().isEmpty() ? container.name()
                : index == 0 ? ImageWorkload.DEFAULT_CONTAINER_NAME : ImageWorkload.DEFAULT_CONTAINER_NAME + "-"
                        + index;
    }

    private static List<MountSpec> mounts(Container container) {
        return container.volumeMountsOrEmpty().stream().map(mount -> new MountSpec(mount.name(), mount.mountPath(),
                mount.isReadOnly(), Optional.ofNullable(mount.subPath()).filter(path -> !path.isEmpty()))).toList();
    }

    /** readOnlyRootFilesystem, allowPrivilegeEscalation and capabilities; absent ones keep Kubernetes' defaults. */
    private static Hardening hardening(SecurityContext context) {
        if (context == null) {
            return Hardening.DEFAULT;
        }
        Capabilities capabilities = context.capabilities();
        return new Hardening(Boolean.TRUE.equals(context.readOnlyRootFilesystem()),
                !Boolean.FALSE.equals(context.allowPrivilegeEscalation()),
                capabilities == null ? List.of() : orEmpty(capabilities.drop()),
                capabilities == null ? List.of() : orEmpty(capabilities.add()));
    }

    /**
     * An image workload (its command and args overriding the image's) for a container with an image that the
     * container runtime was chosen for or that has no command to run as a process (the process runtime then says
     * why it cannot); else a process workload. The choice itself is {@link RuntimeChoice}'s, not made here.
     */
    private static WorkloadSpec.Builder<?> builder(RevisionRef ref, Container container, RuntimeName runtime) {
        boolean image = container.image() != null && !container.image().isEmpty();
        boolean command = !orEmpty(container.command()).isEmpty();
        return image && (runtime == RuntimeName.CONTAINER || !command) ? WorkloadSpec.image(ref, container.image())
                : WorkloadSpec.process(ref);
    }

    /** The serving container's memory and CPU limits; an IllegalArgumentException names a bad quantity. */
    WorkloadLimits limits(Revision revision) {
        Container container = servingContainer(revision);
        return ContainerSecurity.limits(container, "spec.containers[" + revision.spec().containers().indexOf(container)
                + "]");
    }

    /** The container with a port, else the first: Knative's serving container. */
    static Container servingContainer(Revision revision) {
        List<Container> containers = revision.spec().containers();
        return containers.stream().filter(c -> c.ports() != null && !c.ports().isEmpty()).findFirst()
                .orElse(containers.get(0));
    }

    private static int containerPort(Container container) {
        if (container.ports() == null || container.ports().isEmpty()
                || container.ports().get(0).containerPort() == null) {
            return 0;
        }
        return container.ports().get(0).containerPort();
    }

    /** The declared readiness probe; a TCP probe without a period keeps the platform's fast polling. */
    private static Optional<ProbeSpec> readiness(dev.kumo.api.serving.pod.Probe declared) {
        return probe(declared).map(probe -> new ProbeSpec(probe, seconds(declared.initialDelaySeconds(), 0),
                seconds(declared.periodSeconds(), 0), seconds(declared.timeoutSeconds(), 1),
                orDefault(declared.failureThreshold(), 3)));
    }

    private static Optional<ProbeSpec> liveness(dev.kumo.api.serving.pod.Probe declared) {
        return probe(declared).map(probe -> new ProbeSpec(probe, seconds(declared.initialDelaySeconds(), 0),
                seconds(declared.periodSeconds(), 10), seconds(declared.timeoutSeconds(), 1),
                orDefault(declared.failureThreshold(), 3)));
    }

    private static Optional<Probe> probe(dev.kumo.api.serving.pod.Probe declared) {
        if (declared == null) {
            return Optional.empty();
        }
        if (declared.httpGet() != null) {
            String path = declared.httpGet().path() == null || declared.httpGet().path().isEmpty() ? "/"
                    : declared.httpGet().path();
            return Optional.of(new Probe.HttpGet(path, port(declared.httpGet().port())));
        }
        if (declared.tcpSocket() != null) {
            return Optional.of(new Probe.TcpSocket(port(declared.tcpSocket().port())));
        }
        if (declared.exec() != null) {
            return Optional.of(new Probe.Exec(orEmpty(declared.exec().command())));
        }
        if (declared.grpc() != null) {
            return Optional.of(new Probe.Grpc(declared.grpc().port() == null ? 0 : declared.grpc().port(),
                    Optional.ofNullable(declared.grpc().service()).filter(service -> !service.isEmpty())));
        }
        return Optional.empty();
    }

    /** A numeric probe port; 0 (or a named port) means the serving port. */
    private static int port(IntOrString port) {
        return port == null ? 0 : port.asInt().orElse(0);
    }

    private static Duration seconds(Integer value, int fallback) {
        return Duration.ofSeconds(value == null ? fallback : value);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
