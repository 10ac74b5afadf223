package dev.kumo.api.serving.defaults;

import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.GrpcAction;
import dev.kumo.api.serving.pod.Probe;
import dev.kumo.api.serving.pod.TcpSocketAction;
import dev.kumo.api.serving.pod.Volume;
import dev.kumo.api.serving.pod.VolumeMount;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Knative's per-container defaults: the serving container's readiness probe and read-only volume mounts. */
final class ContainerDefaults {

    static final int DEFAULT_SUCCESS_THRESHOLD = 1;
    static final int DEFAULT_FAILURE_THRESHOLD = 3;
    static final int DEFAULT_PROBE_TIMEOUT_SECONDS = 1;

    private ContainerDefaults() {
    }

    /** Applies the defaults to one container; {@code serving} says whether it is the one that receives traffic. */
    static Container apply(Container container, boolean serving, List<Volume> volumes) {
        Probe readiness = container.readinessProbe();
        if (serving) {
            readiness = withDefaultHandler(readiness);
        }
        return container.toBuilder()
                .readinessProbe(withGrpcService(withTimingDefaults(readiness)))
                .livenessProbe(withGrpcService(container.livenessProbe()))
                .startupProbe(withGrpcService(container.startupProbe()))
                .volumeMounts(readOnlyUnlessWritable(container.volumeMounts(), volumes))
                .build();
    }

    /** Knative probes the serving container over TCP on its port when no probe handler is given. */
    private static Probe withDefaultHandler(Probe probe) {
        Probe base = probe == null ? Probe.EMPTY : probe;
        return base.handlers().isEmpty() ? base.withTcpSocket(new TcpSocketAction(null, null)) : base;
    }

    private static Probe withTimingDefaults(Probe probe) {
        if (probe == null) {
            return null;
        }
        Integer success = isUnset(probe.successThreshold()) ? DEFAULT_SUCCESS_THRESHOLD : probe.successThreshold();
        Integer failure = probe.failureThreshold();
        Integer timeout = probe.timeoutSeconds();
        // Knative's aggressive probing (periodSeconds 0) keeps failureThreshold and timeoutSeconds unset.
        if (!isUnset(probe.periodSeconds())) {
            failure = isUnset(failure) ? DEFAULT_FAILURE_THRESHOLD : failure;
            timeout = isUnset(timeout) ? DEFAULT_PROBE_TIMEOUT_SECONDS : timeout;
        }
        return probe.withTiming(success, failure, probe.periodSeconds(), timeout);
    }

    private static Probe withGrpcService(Probe probe) {
        if (probe == null || probe.grpc() == null || probe.grpc().service() != null) {
            return probe;
        }
        return probe.withGrpc(new GrpcAction(probe.grpc().port(), ""));
    }

    private static List<VolumeMount> readOnlyUnlessWritable(List<VolumeMount> mounts, List<Volume> volumes) {
        if (mounts == null) {
            return null;
        }
        Set<String> writable = volumes.stream().filter(Volume::isWritable).map(Volume::name)
                .collect(Collectors.toSet());
        return mounts.stream().map(m -> writable.contains(m.name()) ? m : m.withReadOnly(true)).toList();
    }

    private static boolean isUnset(Integer value) {
        return value == null || value == 0;
    }
}
