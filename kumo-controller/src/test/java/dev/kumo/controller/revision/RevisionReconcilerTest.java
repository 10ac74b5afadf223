package dev.kumo.controller.revision;

import static dev.kumo.controller.testing.FakeRevisionInstances.report;
import static dev.kumo.controller.testing.Objects.condition;
import static dev.kumo.controller.testing.Objects.revision;
import static dev.kumo.controller.testing.Objects.revisionAnnotations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.RevisionStatus;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.testing.FakeRevisionInstances;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RevisionReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "hello-00001");
    private static final Instant NOW = ManualClock.atEpoch().instant();
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final String NEVER_READY = "Initial scale was never achieved: the container did not become ready "
            + "within 2m0s (serving.knative.dev/progress-deadline); last readiness probe: TCP probe of "
            + "127.0.0.1:8080: Connection refused; last log lines:\nloading model\nstill loading";
    private static final String CRASH_LOOP = "container exited with code 3 after 2 restarts; back-off 20s restarting "
            + "failed container; last log lines:\nlistening\npanic: boom";
    private static final String CRASH_LOOP_SILENT = "container exited with code 1 after 1 restart; back-off 1.5s "
            + "restarting failed container; it logged nothing";

    private static final String OOM_KILLED = "container was OOM-killed (exit code 137): it used more memory than "
            + "resources.limits.memory allows; raise the limit or make it use less; last log lines:\nallocating";
    private static final String OOM_LOOP = "container was OOMKilled (over resources.limits.memory), exit code 137 "
            + "after 1 restart; back-off 10s restarting failed container; it logged nothing";

    private static final String BACK_OFF = "Back-off 2s pulling image again after 2 failures: manifest unknown";

    private static final String SIDECAR_LOOP = "exited with code 1 after 4 restarts; last log lines:\nno upstream";

    record Row(String name, Map<String, String> annotations, Optional<InstanceReport> instances,
            RevisionStatus wantStatus, Result wantResult) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a new revision starts deploying and looks again at its progress deadline", Map.of(),
                        Optional.empty(), deploying(),
                        Result.requeueAfter(DEADLINE)),
                new Row("an instance starting for 30 s has 90 s left", Map.of(),
                        Optional.of(report(starting(Duration.ofSeconds(30)))), deploying(),
                        Result.requeueAfter(Duration.ofSeconds(90))),
                new Row("an instance not ready by the deadline fails the revision with the probe and the logs",
                        Map.of(), Optional.of(report(starting(DEADLINE))), status(0, 1,
                                active("False", "TimedOut", "The target could not be activated."),
                                condition("ContainerHealthy", "Unknown", "Deploying", null),
                                condition("Ready", "False", "ProgressDeadlineExceeded", NEVER_READY),
                                condition("ResourcesAvailable", "False", "ProgressDeadlineExceeded", NEVER_READY)),
                        Result.done()),
                new Row("the revision's progress-deadline annotation shortens the deadline",
                        Map.of("serving.knative.dev/progress-deadline", "5s"),
                        Optional.of(report(new InstanceState.Starting(NOW.minusSeconds(5), Optional.empty(),
                                List.of()))), status(0, 1,
                                active("False", "TimedOut", "The target could not be activated."),
                                condition("ContainerHealthy", "Unknown", "Deploying", null),
                                condition("Ready", "False", "ProgressDeadlineExceeded", "Initial scale was never "
                                        + "achieved: the container did not become ready within 5s "
                                        + "(serving.knative.dev/progress-deadline); it logged nothing"),
                                condition("ResourcesAvailable", "False", "ProgressDeadlineExceeded", "Initial scale "
                                        + "was never achieved: the container did not become ready within 5s "
                                        + "(serving.knative.dev/progress-deadline); it logged nothing")),
                        Result.done()),
                new Row("the revision's progress-deadline annotation lengthens the deadline",
                        Map.of("serving.knative.dev/progress-deadline", "10m"),
                        Optional.of(report(starting(Duration.ofMinutes(4)))), deploying(),
                        Result.requeueAfter(Duration.ofMinutes(6))),
                new Row("ready instances make it ready and active, and are counted", Map.of(),
                        Optional.of(new InstanceReport(new Replicas(3, 2, 3), new InstanceState.Ready())),
                        status(2, 3, active("True", null, null), condition("ContainerHealthy", "True"),
                                condition("Ready", "True"), condition("ResourcesAvailable", "True")),
                        Result.done()),
                new Row("a failing sidecar makes ContainerHealthy False naming it; the serving container still serves",
                        Map.of(), Optional.of(new InstanceReport(new Replicas(1, 1, 1), new InstanceState.Ready(),
                                Optional.empty(), 0, Optional.empty(), List.of(new ContainerProblem("proxy",
                                        "CrashLoopBackOff", SIDECAR_LOOP)))),
                        status(1, 1, active("True", null, null),
                                condition("ContainerHealthy", "False", "CrashLoopBackOff", "container proxy: "
                                        + SIDECAR_LOOP),
                                condition("Ready", "False", "CrashLoopBackOff", "container proxy: " + SIDECAR_LOOP),
                                condition("ResourcesAvailable", "True")),
                        Result.done()),
                new Row("an exited container says its code and last lines", Map.of(),
                        Optional.of(report(new InstanceState.Exited(3, List.of("listening", "panic: boom")))),
                        status(0, 1, active("Unknown", "Deploying", null),
                                condition("ContainerHealthy", "False", "ExitCode",
                                        "container exited with code 3: listening\npanic: boom"),
                                condition("Ready", "False", "ExitCode",
                                        "container exited with code 3: listening\npanic: boom"),
                                condition("ResourcesAvailable", "Unknown")), Result.done()),
                new Row("a container OOM-killed over its memory limit shows as Kubernetes' OOMKilled", Map.of(),
                        Optional.of(report(new InstanceState.Exited(137, List.of("allocating"), true))),
                        status(0, 1, active("Unknown", "Deploying", null),
                                condition("ContainerHealthy", "False", "OOMKilled", OOM_KILLED),
                                condition("Ready", "False", "OOMKilled", OOM_KILLED),
                                condition("ResourcesAvailable", "Unknown")), Result.done()),
                new Row("a crash loop of OOM kills says so", Map.of(),
                        Optional.of(report(new InstanceState.CrashLoopBackOff(137, 1, Duration.ofSeconds(10),
                                List.of(), true))),
                        status(0, 1, active("Unknown", "Deploying", null),
                                condition("ContainerHealthy", "False", "CrashLoopBackOff", OOM_LOOP),
                                condition("Ready", "False", "CrashLoopBackOff", OOM_LOOP),
                                condition("ResourcesAvailable", "Unknown")), Result.done()),
                new Row("a container crashing again after a restart is in CrashLoopBackOff", Map.of(),
                        Optional.of(report(new InstanceState.CrashLoopBackOff(3, 2, Duration.ofSeconds(20),
                                List.of("listening", "panic: boom")))),
                        status(0, 1, active("Unknown", "Deploying", null),
                                condition("ContainerHealthy", "False", "CrashLoopBackOff", CRASH_LOOP),
                                condition("Ready", "False", "CrashLoopBackOff", CRASH_LOOP),
                                condition("ResourcesAvailable", "Unknown")), Result.done()),
                new Row("a crash loop after one restart that logged nothing says so", Map.of(),
                        Optional.of(report(new InstanceState.CrashLoopBackOff(1, 1, Duration.ofMillis(1500),
                                List.of()))),
                        status(0, 1, active("Unknown", "Deploying", null),
                                condition("ContainerHealthy", "False", "CrashLoopBackOff", CRASH_LOOP_SILENT),
                                condition("Ready", "False", "CrashLoopBackOff", CRASH_LOOP_SILENT),
                                condition("ResourcesAvailable", "Unknown")), Result.done()),
                new Row("a runtime failure passes its reason on and is looked at again", Map.of(),
                        Optional.of(report(new InstanceState.Failed("ImageNotFound", "image example.com/x not found"))),
                        status(0, 1, active("False", "ImageNotFound", "image example.com/x not found"),
                                condition("ContainerHealthy", "False", "ImageNotFound",
                                        "image example.com/x not found"),
                                condition("Ready", "False", "ImageNotFound", "image example.com/x not found"),
                                condition("ResourcesAvailable", "Unknown")),
                        Result.requeueAfter(RevisionReconciler.FAILED_RECHECK)),
                new Row("an image pull back-off is looked at again when it is over, not after the usual recheck",
                        Map.of(), Optional.of(backingOff(NOW.plusSeconds(2))), backingOff(),
                        Result.requeueAfter(Duration.ofSeconds(2))),
                new Row("one whose retry instant has passed is looked at again at once", Map.of(),
                        Optional.of(backingOff(NOW.minusSeconds(1))), backingOff(),
                        Result.requeueAfter(Duration.ofMillis(1))),
                new Row("a permanent failure is reported once and not looked at again", Map.of(),
                        Optional.of(report(InstanceState.Failed.permanent("RuntimeUnsupported", "needs podman"))),
                        status(0, 1, active("False", "RuntimeUnsupported", "needs podman"),
                                condition("ContainerHealthy", "False", "RuntimeUnsupported", "needs podman"),
                                condition("Ready", "False", "RuntimeUnsupported", "needs podman"),
                                condition("ResourcesAvailable", "Unknown")),
                        Result.done()));
    }

    /** Instances in the image pull back-off, due to pull again at {@code retryAt}. */
    private static InstanceReport backingOff(Instant retryAt) {
        return new InstanceReport(Replicas.ONE_WANTED, new InstanceState.Failed("ImagePullBackOff", BACK_OFF),
                Optional.empty(), 0, Optional.empty(), List.of(), Optional.of(retryAt));
    }

    /** The status of a Revision whose instances are in the image pull back-off. */
    private static RevisionStatus backingOff() {
        return status(0, 1, active("False", "ImagePullBackOff", BACK_OFF),
                condition("ContainerHealthy", "False", "ImagePullBackOff", BACK_OFF),
                condition("Ready", "False", "ImagePullBackOff", BACK_OFF),
                condition("ResourcesAvailable", "Unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(revision("hello-00001", revisionAnnotations(row.annotations()))));
            ManualClock clock = ManualClock.atEpoch();
            FakeRevisionInstances instances = new FakeRevisionInstances(clock);
            row.instances().ifPresent(report -> instances.set(KEY, report));
            Result result = RevisionController.reconciler(store, clock, instances, DEADLINE).reconcile(KEY);
            assertThat(result).isEqualTo(row.wantResult());
            assertThat(instances.running("default", "hello-00001")).isTrue();
            assertThat(store.get(ResourceTypes.REVISION, "default", "hello-00001")
                    .map(r -> Normalized.status(r.get("status")))).contains(Normalized.status(row.wantStatus()));
        }
    }

    @Test
    void aDeletedRevisionsInstancesAreRemoved() {
        try (ResourceStore store = InMemoryStore.create()) {
            FakeRevisionInstances instances = new FakeRevisionInstances();
            instances.set(KEY, report(new InstanceState.Ready()));
            RevisionController.reconciler(store, ManualClock.atEpoch(), instances, DEADLINE).reconcile(KEY);
            assertThat(instances.removed("default", "hello-00001")).isTrue();
        }
    }

    @Test
    void theStatusSaysHowTheResourceLimitsAreEnforced() {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(revision("hello-00001")));
            FakeRevisionInstances instances = new FakeRevisionInstances();
            instances.set(KEY, new InstanceReport(new Replicas(1, 1, 1), new InstanceState.Ready(),
                    Optional.of("resources.limits memory 67108864 bytes: cgroup v2 memory.max")));

            RevisionController.reconciler(store, ManualClock.atEpoch(), instances, DEADLINE).reconcile(KEY);

            assertThat(store.get(ResourceTypes.REVISION, "default", "hello-00001").orElseThrow()
                    .at("/status/annotations/kumo.dev~1limits-in-force").asText())
                    .isEqualTo("resources.limits memory 67108864 bytes: cgroup v2 memory.max");
        }
    }

    @Test
    void aRestartedInstanceThatServesAgainKeepsItsRestartsAndLastTerminationInTheStatus() {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(revision("hello-00001")));
            FakeRevisionInstances instances = new FakeRevisionInstances();
            instances.set(KEY, new InstanceReport(new Replicas(1, 1, 1), new InstanceState.Ready(), Optional.empty(),
                    2, Optional.of("OOMKilled, exit code 137, at 1970-01-01T00:00:00Z: over the memory limit")));

            RevisionController.reconciler(store, ManualClock.atEpoch(), instances, DEADLINE).reconcile(KEY);

            JsonNode revision = store.get(ResourceTypes.REVISION, "default", "hello-00001").orElseThrow();
            assertThat(revision.at("/status/annotations/kumo.dev~1restarts").asText()).isEqualTo("2");
            assertThat(revision.at("/status/annotations/kumo.dev~1last-termination").asText())
                    .isEqualTo("OOMKilled, exit code 137, at 1970-01-01T00:00:00Z: over the memory limit");
            assertThat(revision.at("/status/conditions").findValuesAsText("status")).containsOnly("True");
        }
    }

    @Test
    void theDeadlineIsPrintedTheWayGoPrintsDurations() {
        assertThat(new ProgressDeadline(Duration.ofSeconds(120)).text()).isEqualTo("2m0s");
        assertThat(new ProgressDeadline(Duration.ofSeconds(30)).text()).isEqualTo("30s");
        assertThat(new ProgressDeadline(Duration.ofSeconds(3725)).text()).isEqualTo("1h2m5s");
        assertThat(new ProgressDeadline(Duration.ofMillis(1500)).text()).isEqualTo("1.5s");
    }

    private static InstanceState.Starting starting(Duration ago) {
        return new InstanceState.Starting(NOW.minus(ago), Optional.of("TCP probe of 127.0.0.1:8080: Connection refused"),
                List.of("loading model", "still loading"));
    }

    /** Active is informational: severity Info, as in Knative. */
    private static Condition active(String status, String reason, String message) {
        return new Condition("Active", status, "Info", null, reason, message);
    }

    /** One instance wanted, none ready yet, within the deadline. */
    private static RevisionStatus deploying() {
        return status(0, 1, active("Unknown", "Deploying", null),
                condition("ContainerHealthy", "Unknown", "Deploying", null),
                condition("Ready", "Unknown", "Deploying", null),
                condition("ResourcesAvailable", "Unknown", "Deploying", null));
    }

    private static RevisionStatus status(int actualReplicas, int desiredReplicas, Condition... conditions) {
        return RevisionStatus.builder().observedGeneration(1L).conditions(List.of(conditions))
                .actualReplicas(actualReplicas).desiredReplicas(desiredReplicas).build();
    }
}
