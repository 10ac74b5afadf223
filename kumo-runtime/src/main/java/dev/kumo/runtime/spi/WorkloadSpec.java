package dev.kumo.runtime.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run for one revision: command and arguments (or an image), a resolved environment, the declared
 * containerPort (0 for none), probes, the termination grace period, whom it runs as and its resource limits.
 *
 * <p>{@code containerPort} is the port the container would listen on in Knative, where each pod has its own network.
 * A runtime that shares the host's network (the process runtime) gives every instance its own port instead, says
 * which in {@code PORT}, and aims probes that name the containerPort (or no port) at that port.
 */
public record WorkloadSpec(
        RevisionRef revision,
        List<String> command,
        List<String> args,
        Optional<Path> workingDir,
        Optional<String> image,
        Map<String, String> env,
        int containerPort,
        ProbeSpec readiness,
        Optional<ProbeSpec> liveness,
        Duration terminationGracePeriod,
        RunAsSpec runAs,
        WorkloadLimits limits) {

    /** Kubernetes' default termination grace period. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

    public WorkloadSpec {
        Objects.requireNonNull(revision, "revision");
        command = List.copyOf(command);
        args = List.copyOf(args);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(image, "image");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        if (containerPort < 0 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort must be 0 (none declared) or 1-65535, got "
                    + containerPort);
        }
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(liveness, "liveness");
        if (terminationGracePeriod.isNegative()) {
            throw new IllegalArgumentException("terminationGracePeriod must not be negative");
        }
        Objects.requireNonNull(runAs, "runAs");
        Objects.requireNonNull(limits, "limits");
    }

    /** A builder with Knative's defaults: TCP readiness, no liveness, no declared port, 30 s grace. */
    public static Builder builder(RevisionRef revision) {
        return new Builder(revision);
    }

    /** The full command line: command followed by args. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>(command);
        line.addAll(args);
        return line;
    }

    /** This spec with another command (the program and its leading arguments). */
    public WorkloadSpec withCommand(List<String> newCommand) {
        return new WorkloadSpec(revision, newCommand, args, workingDir, image, env, containerPort, readiness, liveness,
                terminationGracePeriod, runAs, limits);
    }

    /** Builds a {@link WorkloadSpec}. */
    public static final class Builder {

        private final RevisionRef revision;
        private List<String> command = List.of();
        private List<String> args = List.of();
        private Optional<Path> workingDir = Optional.empty();
        private Optional<String> image = Optional.empty();
        private final Map<String, String> env = new LinkedHashMap<>();
        private int containerPort;
        private ProbeSpec readiness = ProbeSpec.defaultReadiness();
        private Optional<ProbeSpec> liveness = Optional.empty();
        private Duration terminationGracePeriod = DEFAULT_GRACE_PERIOD;
        private RunAsSpec runAs = RunAsSpec.SERVER_USER;
        private WorkloadLimits limits = WorkloadLimits.NONE;

        private Builder(RevisionRef revision) {
            this.revision = Objects.requireNonNull(revision, "revision");
        }

        /** The program and its leading arguments. */
        public Builder command(String... words) {
            this.command = List.of(words);
            return this;
        }

        /** The program and its leading arguments. */
        public Builder command(List<String> words) {
            this.command = List.copyOf(words);
            return this;
        }

        /** Arguments appended to the command. */
        public Builder args(String... words) {
            this.args = List.of(words);
            return this;
        }

        /** Arguments appended to the command. */
        public Builder args(List<String> words) {
            this.args = List.copyOf(words);
            return this;
        }

        /** The directory the process starts in. */
        public Builder workingDir(Path dir) {
            this.workingDir = Optional.of(dir);
            return this;
        }

        /** The container image (only container runtimes can run image-only specs). */
        public Builder image(String name) {
            this.image = Optional.of(name);
            return this;
        }

        /** One environment variable, already resolved. */
        public Builder env(String name, String value) {
            this.env.put(name, value);
            return this;
        }

        /** Environment variables, already resolved. */
        public Builder env(Map<String, String> variables) {
            this.env.putAll(variables);
            return this;
        }

        /** The containerPort the manifest declares (where the container would listen in Knative), 0 for none. */
        public Builder containerPort(int port) {
            this.containerPort = port;
            return this;
        }

        /** The readiness probe. */
        public Builder readiness(ProbeSpec probe) {
            this.readiness = probe;
            return this;
        }

        /** The liveness probe. */
        public Builder liveness(ProbeSpec probe) {
            this.liveness = Optional.of(probe);
            return this;
        }

        /** How long a stopping instance may take after SIGTERM before it is killed. */
        public Builder terminationGracePeriod(Duration grace) {
            this.terminationGracePeriod = grace;
            return this;
        }

        /** Whom the process runs as. */
        public Builder runAs(RunAsSpec identity) {
            this.runAs = identity;
            return this;
        }

        /** The memory and CPU limits. */
        public Builder limits(WorkloadLimits newLimits) {
            this.limits = newLimits;
            return this;
        }

        /** The spec. */
        public WorkloadSpec build() {
            return new WorkloadSpec(revision, command, args, workingDir, image, env, containerPort, readiness,
                    liveness, terminationGracePeriod, runAs, limits);
        }
    }
}
