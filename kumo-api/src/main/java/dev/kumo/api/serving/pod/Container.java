package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A container of a Revision, limited to the fields Knative accepts; {@code lifecycle}, {@code stdin}, {@code tty}
 * and the like are not in the schema. Build one with {@link #builder()} or change one with {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Container(
        String name,
        String image,
        List<String> command,
        List<String> args,
        String workingDir,
        List<EnvVar> env,
        List<EnvFromSource> envFrom,
        List<ContainerPort> ports,
        Probe readinessProbe,
        Probe livenessProbe,
        Probe startupProbe,
        List<VolumeMount> volumeMounts,
        ResourceRequirements resources,
        SecurityContext securityContext,
        String imagePullPolicy,
        String terminationMessagePath,
        String terminationMessagePolicy) {

    public static ContainerBuilder builder() {
        return new ContainerBuilder();
    }

    /** A builder holding this container's fields. */
    public ContainerBuilder toBuilder() {
        return new ContainerBuilder().name(name).image(image).command(command).args(args).workingDir(workingDir)
                .env(env).envFrom(envFrom).ports(ports).readinessProbe(readinessProbe).livenessProbe(livenessProbe)
                .startupProbe(startupProbe).volumeMounts(volumeMounts).resources(resources)
                .securityContext(securityContext).imagePullPolicy(imagePullPolicy)
                .terminationMessagePath(terminationMessagePath).terminationMessagePolicy(terminationMessagePolicy);
    }

    public List<ContainerPort> portsOrEmpty() {
        return ports == null ? List.of() : ports;
    }

    public List<EnvVar> envOrEmpty() {
        return env == null ? List.of() : env;
    }

    public List<VolumeMount> volumeMountsOrEmpty() {
        return volumeMounts == null ? List.of() : volumeMounts;
    }
}
