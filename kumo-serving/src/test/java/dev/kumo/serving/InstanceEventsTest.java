package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.events.ObjectReference;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.controller.events.EventRecorder;
import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.serving.deployments.DeploymentInstances;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Instance state changes and the autoscaler's decisions, as the Events a user reads. */
class InstanceEventsTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final RevisionRef REVISION = RevisionRef.ofService("default", "hello", "hello-00001");

    /** A recorder keeping what it is told, as {@code TYPE REASON object: message}. */
    private static final class Recorded implements EventRecorder {
        final List<String> lines = new ArrayList<>();

        @Override
        public void record(ObjectReference about, Type type, String reason, String message) {
            lines.add(type + " " + reason + " " + about.kind() + "/" + about.name() + ": " + message);
        }
    }

    private static Instance instance(InstanceState state) {
        return new Instance("i1", REVISION, state, 0);
    }

    private static Termination exited(int code, boolean oom) {
        return new Termination("Error", OptionalInt.of(code), List.of("starting", "boom"), T, oom);
    }

    @Test
    void aCrashLoopIsTheSameBackOffEachTimeAndARestartIsRecorded() {
        Recorded recorded = new Recorded();
        InstanceEvents events = new InstanceEvents(recorded);
        InstanceState.CrashLoopBackOff crash = new InstanceState.CrashLoopBackOff(1, T, exited(3, false));

        events.changed(instance(new InstanceState.Starting(T, Optional.empty())));
        events.changed(instance(new InstanceState.Starting(T, Optional.of("probe failed")))); // same state: nothing
        events.changed(instance(crash));
        events.changed(instance(new InstanceState.Starting(T, Optional.empty())));
        events.changed(instance(crash));
        events.changed(instance(new InstanceState.Ready(new InstanceAddress("127.0.0.1", 1), T, T)));
        events.changed(instance(new InstanceState.Stopped(T)));

        String backOff = "Warning BackOff Revision/hello-00001: Back-off restarting failed instance i1: Error (exit code 3);"
                + " last log line: boom";
        assertThat(recorded.lines).containsExactly(
                "Normal Started Revision/hello-00001: Started instance i1",
                backOff,
                "Normal Restarted Revision/hello-00001: Restarted instance i1 after it ended",
                backOff,
                "Normal Killing Revision/hello-00001: Stopping instance i1");
    }

    @Test
    void oomKillsFailuresAndFailedPullsAreWarnings() {
        Recorded recorded = new Recorded();
        InstanceEvents events = new InstanceEvents(recorded);
        events.changed(instance(new InstanceState.CrashLoopBackOff(1, T, exited(137, true))));
        events.changed(new Instance("i2", REVISION, new InstanceState.Failed(new Termination(
                "ErrImagePull: manifest unknown", OptionalInt.empty(), List.of(), T)), 0));
        events.changed(new Instance("i3", REVISION, new InstanceState.Unhealthy(T, "PortInUse", "port 8080 is held"),
                0));

        assertThat(recorded.lines).containsExactly(
                "Warning OOMKilled Revision/hello-00001: Instance i1 was killed for going over its memory limit;"
                        + " last log line: boom",
                "Warning BackOff Revision/hello-00001: Back-off restarting failed instance i1: Error (exit code 137);"
                        + " last log line: boom",
                "Normal Pulling Revision/hello-00001: Pulling image for instance i2",
                "Warning Failed Revision/hello-00001: Failed to pull image: manifest unknown",
                "Warning BackOff Revision/hello-00001: Back-off pulling image of hello-00001",
                "Warning Unhealthy Revision/hello-00001: PortInUse: port 8080 is held");
    }

    @Test
    void eachImageIsRecordedOnceAsTheKubeletWordsItAboutTheRevisionOrDeployment() {
        Recorded recorded = new Recorded();
        InstanceEvents events = new InstanceEvents(recorded);
        ImagePull pulled = new ImagePull("registry.example/hello:1", ImagePull.Outcome.PULLED, Duration.ofMillis(1200),
                "Successfully pulled image \"registry.example/hello:1\" in 1200ms");
        ImagePull present = new ImagePull("registry.example/sidecar:1", ImagePull.Outcome.PRESENT, Duration.ZERO,
                "Container image \"registry.example/sidecar:1\" already present on machine");
        InstanceState starting = new InstanceState.Starting(T, Optional.empty());
        events.changed(new Instance("i1", REVISION, starting, 0, Optional.empty(), List.of(), List.of(pulled)));
        events.changed(new Instance("i1", REVISION, starting, 0, Optional.empty(), List.of(), List.of(pulled,
                present)));
        events.changed(new Instance("i1", REVISION, new InstanceState.Ready(new InstanceAddress("127.0.0.1", 1), T, T),
                0, Optional.empty(), List.of(), List.of(pulled, present)));
        RevisionRef deployment = DeploymentInstances.ref("default", "event-display", "5d9f");
        events.changed(new Instance("d1", deployment, starting, 0, Optional.empty(), List.of(), List.of(
                new ImagePull("gcr.io/knative-releases/event_display", ImagePull.Outcome.PULL_FAILED_RAN_LOCAL,
                        Duration.ofMillis(5), "Failed to pull image \"gcr.io/knative-releases/event_display\": "
                        + "no route; running the copy present on this machine"))));

        assertThat(recorded.lines).containsExactly(
                "Normal Pulling Revision/hello-00001: Pulling image \"registry.example/hello:1\"",
                "Normal Pulled Revision/hello-00001: Successfully pulled image \"registry.example/hello:1\" in 1200ms",
                "Normal Started Revision/hello-00001: Started instance i1",
                "Normal Pulled Revision/hello-00001: Container image \"registry.example/sidecar:1\" already present on"
                        + " machine",
                "Normal Pulling Deployment/event-display: Pulling image \"gcr.io/knative-releases/event_display\"",
                "Warning Failed Deployment/event-display: Failed to pull image \"gcr.io/knative-releases/event_display"
                        + "\": no route; running the copy present on this machine",
                "Normal Started Deployment/event-display: Started instance d1");
    }

    @Test
    void scalingDecisionsAreRecordedFromTheFirstChangeOn() {
        Recorded recorded = new Recorded();
        Map<RevisionId, Integer> desired = new HashMap<>();
        ScalingEvents events = new ScalingEvents(recorded, desired::get);
        RevisionId revision = new RevisionId("default", "hello-00001");
        for (int count : new int[] {0, 0, 2, 3}) {
            desired.put(revision, count);
            events.changed(revision);
        }
        assertThat(recorded.lines).containsExactly(
                "Normal ScaledToZero Revision/hello-00001: Scaled to zero",
                "Normal ScaledFromZero Revision/hello-00001: Scaled from zero to 2",
                "Normal SuccessfulRescale Revision/hello-00001: New size: 3");
    }
}
