package dev.kumo.api.serving.pod;

import java.util.List;

/** Builds a {@link Container}; every field starts unset. */
public final class ContainerBuilder {

    private String name;
    private String image;
    private List<String> command;
    private List<String> args;
    private String workingDir;
    private List<EnvVar> env;
    private List<EnvFromSource> envFrom;
    private List<ContainerPort> ports;
    private Probe readinessProbe;
    private Probe livenessProbe;
    private Probe startupProbe;
    private List<VolumeMount> volumeMounts;
    private ResourceRequirements resources;
    private SecurityContext securityContext;
    private String imagePullPolicy;
    private String terminationMessagePath;
    private String terminationMessagePolicy;

    ContainerBuilder() {
    }

    public ContainerBuilder name(String value) { name = value; return this; }

    public ContainerBuilder image(String value) { image = value; return this; }

    public ContainerBuilder command(List<String> value) { command = value; return this; }

    public ContainerBuilder args(List<String> value) { args = value; return this; }

    public ContainerBuilder workingDir(String value) { workingDir = value; return this; }

    public ContainerBuilder env(List<EnvVar> value) { env = value; return this; }

    public ContainerBuilder envFrom(List<EnvFromSource> value) { envFrom = value; return this; }

    public ContainerBuilder ports(List<ContainerPort> value) { ports = value; return this; }

    public ContainerBuilder readinessProbe(Probe value) { readinessProbe = value; return this; }

    public ContainerBuilder livenessProbe(Probe value) { livenessProbe = value; return this; }

    public ContainerBuilder startupProbe(Probe value) { startupProbe = value; return this; }

    public ContainerBuilder volumeMounts(List<VolumeMount> value) { volumeMounts = value; return this; }

    public ContainerBuilder resources(ResourceRequirements value) { resources = value; return this; }

    public ContainerBuilder securityContext(SecurityContext value) { securityContext = value; return this; }

    public ContainerBuilder imagePullPolicy(String value) { imagePullPolicy = value; return this; }

    public ContainerBuilder terminationMessagePath(String value) { terminationMessagePath = value; return this; }

    public ContainerBuilder terminationMessagePolicy(String value) { terminationMessagePolicy = value; return this; }

    public Container build() {
        return new Container(name, image, command, args, workingDir, env, envFrom, ports, readinessProbe,
                livenessProbe, startupProbe, volumeMounts, resources, securityContext, imagePullPolicy,
                terminationMessagePath, terminationMessagePolicy);
    }
}
