package dev.kumo.runtime.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run for one revision: a command on the host ({@link ProcessWorkload}) or a container image
 * ({@link ImageWorkload}), each with the parts every workload has ({@link Common}): a resolved environment, the
 * declared containerPort (0 for none), probes, the termination grace period, whom it runs as and its resource limits.
 *
 * <p>{@code containerPort} is the port the container would listen on in Knative, where each pod has its own network.
 * A runtime that shares the host's network (the process runtime) gives every instance its own port instead, says
 * which in {@code PORT}, and aims probes that name the containerPort (or no port) at that port.
 */
public sealed interface WorkloadSpec permits ProcessWorkload, ImageWorkload {

    /** Kubernetes' default termination grace period. */
    Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

    /** A process workload, built with Knative's defaults: TCP readiness, no liveness, no declared port, 30 s grace. */
    static ProcessWorkload.Builder process(RevisionRef revision) {
        return new ProcessWorkload.Builder(revision);
    }

    /** An image workload of {@code image}, built with the same defaults as {@link #process}. */
    static ImageWorkload.Builder image(RevisionRef revision, String image) {
        return new ImageWorkload.Builder(revision, image);
    }

    /** The parts every workload has. */
    Common common();

    /** The revision this workload runs. */
    default RevisionRef revision() {
        return common().revision();
    }

    /** Environment variables, already resolved. */
    default Map<String, String> env() {
        return common().env();
    }

    /** The containerPort the manifest declares, 0 for none. */
    default int containerPort() {
        return common().containerPort();
    }

    /** The readiness probe. */
    default ProbeSpec readiness() {
        return common().readiness();
    }

    /** The liveness probe, if any. */
    default Optional<ProbeSpec> liveness() {
        return common().liveness();
    }

    /** How long a stopping instance may take after SIGTERM before it is killed. */
    default Duration terminationGracePeriod() {
        return common().terminationGracePeriod();
    }

    /** Whom the workload runs as. */
    default RunAsSpec runAs() {
        return common().runAs();
    }

    /** The memory and CPU limits. */
    default WorkloadLimits limits() {
        return common().limits();
    }

    /** What a workload is apart from what it runs; built through {@link WorkloadSpec.Builder}. */
    record Common(
            RevisionRef revision,
            Map<String, String> env,
            int containerPort,
            ProbeSpec readiness,
            Optional<ProbeSpec> liveness,
            Duration terminationGracePeriod,
            RunAsSpec runAs,
            WorkloadLimits limits) {

        public Common {
            Objects.requireNonNull(revision, "revision");
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
    }

    /**
     * The named steps both kinds of workload share: the {@link Common} parts, and a command, arguments and working
     * directory (what a process runs; for an image, what overrides its entrypoint, cmd and working directory).
     */
    abstract sealed class Builder<B extends Builder<B>> permits ProcessWorkload.Builder, ImageWorkload.Builder {

        private final RevisionRef revision;
        private List<String> command = List.of();
        private List<String> args = List.of();
        private Optional<Path> workingDir = Optional.empty();
        private final Map<String, String> env = new LinkedHashMap<>();
        private int containerPort;
        private ProbeSpec readiness = ProbeSpec.defaultReadiness();
        private Optional<ProbeSpec> liveness = Optional.empty();
        private Duration terminationGracePeriod = DEFAULT_GRACE_PERIOD;
        private RunAsSpec runAs = RunAsSpec.SERVER_USER;
        private WorkloadLimits limits = WorkloadLimits.NONE;

        Builder(RevisionRef revision) {
            this.revision = Objects.requireNonNull(revision, "revision");
        }

        /** The program and its leading arguments. */
        public B command(String... words) {
            return command(List.of(words));
        }

        /** The program and its leading arguments. */
        public B command(List<String> words) {
            this.command = List.copyOf(words);
            return self();
        }

        /** Arguments appended to the command. */
        public B args(String... words) {
            return args(List.of(words));
        }

        /** Arguments appended to the command. */
        public B args(List<String> words) {
            this.args = List.copyOf(words);
            return self();
        }

        /** The directory the workload starts in. */
        public B workingDir(Path dir) {
            this.workingDir = Optional.of(dir);
            return self();
        }

        /** One environment variable, already resolved. */
        public B env(String name, String value) {
            this.env.put(name, value);
            return self();
        }

        /** Environment variables, already resolved. */
        public B env(Map<String, String> variables) {
            this.env.putAll(variables);
            return self();
        }

        /** The containerPort the manifest declares (where the container would listen in Knative), 0 for none. */
        public B containerPort(int port) {
            this.containerPort = port;
            return self();
        }

        /** The readiness probe. */
        public B readiness(ProbeSpec probe) {
            this.readiness = probe;
            return self();
        }

        /** The liveness probe. */
        public B liveness(ProbeSpec probe) {
            this.liveness = Optional.of(probe);
            return self();
        }

        /** How long a stopping instance may take after SIGTERM before it is killed. */
        public B terminationGracePeriod(Duration grace) {
            this.terminationGracePeriod = grace;
            return self();
        }

        /** Whom the workload runs as. */
        public B runAs(RunAsSpec identity) {
            this.runAs = identity;
            return self();
        }

        /** The memory and CPU limits. */
        public B limits(WorkloadLimits newLimits) {
            this.limits = newLimits;
            return self();
        }

        /** The workload. */
        public abstract WorkloadSpec build();

        abstract B self();

        final Common common() {
            return new Common(revision, env, containerPort, readiness, liveness, terminationGracePeriod, runAs,
                    limits);
        }

        final List<String> command() {
            return command;
        }

        final List<String> args() {
            return args;
        }

        final Optional<Path> workingDir() {
            return workingDir;
        }
    }
}
