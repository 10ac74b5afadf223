package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.InstanceReport;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.controller.revision.Replicas;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.serving.scaling.RevisionScaling;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Revision's instances start in the runtime RuntimeChoice picks; a runtime that is not on fails the Revision. */
class RuntimeInstancesTest {

    private static final String IMAGE = "ghcr.io/knative/helloworld-go:latest";

    @TempDir
    Path aotRoot;

    private final ScalingSignals signals = new ScalingSignals();
    private final FakeRuntime process = new FakeRuntime("process");
    private final FakeRuntime container = new FakeRuntime("container");
    private final RevisionScaling scaling = new RevisionScaling(AutoscalerConfig.KNATIVE, id -> 0, id -> true,
            () -> Instant.parse("2026-12-06T02:00:00Z"), Duration.ofSeconds(2), new ScalingSignals());

    @BeforeEach
    void start() {
        scaling.start();
    }

    @AfterEach
    void close() {
        scaling.close();
    }

    @Test
    void anImageWithNoContainerRuntimeOnFailsNamingTheConfigKeyAndStartsNothing() {
        InstanceReport report = instances(Map.of(RuntimeName.PROCESS, process), new RuntimeSettings(
                Set.of(RuntimeName.PROCESS), RuntimeName.PROCESS)).ensure(revision(null, IMAGE));

        assertThat(report.replicas()).isEqualTo(new Replicas(1, 0, 0));
        assertThat(report.state()).isEqualTo(InstanceState.Failed.permanent("RuntimeUnsupported", "container has "
                + "image " + IMAGE + " and no command: it runs in the container runtime, which is not on in this "
                + "server (runtimes on: process); add container to the server's runtimes config key (runtimes: "
                + "[process, container]), or give the container a command to run as a process"));
        assertThat(process.started()).isEmpty();
    }

    @Test
    void anImageWhoseRuntimeIsOnButCouldNotStartSaysWhy() {
        RuntimeInstances instances = new RuntimeInstances(new Runtimes(Map.of(RuntimeName.PROCESS, process),
                Map.of(RuntimeName.CONTAINER, "the container runtime is on but could not start: podman not found; "
                        + "install podman"), RuntimeName.PROCESS), new RuntimeChoice(RuntimeSettings.DEFAULTS),
                new WorkloadSpecs(new EnvResolver((type, namespace, name) -> Optional.empty())), scaling,
                new InstanceDrain(process, (revision, address) -> 0),
                new JvmAotCache(aotRoot, javaCommand -> Optional.of("not in this test"), id -> false));

        InstanceReport report = instances.ensure(revision(null, IMAGE));

        assertThat(report.state()).isEqualTo(InstanceState.Failed.permanent("RuntimeUnsupported", "the container "
                + "runtime is on but could not start: podman not found; install podman"));
        assertThat(process.started()).isEmpty();
    }

    @Test
    void eachRevisionStartsInTheRuntimeChosenForIt() {
        RuntimeInstances instances = instances(Map.of(RuntimeName.PROCESS, process, RuntimeName.CONTAINER,
                container), new RuntimeSettings(Set.of(RuntimeName.PROCESS, RuntimeName.CONTAINER),
                RuntimeName.PROCESS));

        InstanceReport byCommand = instances.ensure(revision(List.of("python3", "app.py"), null));
        InstanceReport byImage = instances.ensure(revision(null, IMAGE));

        assertThat(process.started()).singleElement().satisfies(spec -> assertThat(spec.revision().revision())
                .isEqualTo("by-command-00001"));
        assertThat(container.started()).singleElement().satisfies(spec -> assertThat(spec.revision().revision())
                .isEqualTo("by-image-00001"));
        assertThat(byCommand.replicas()).isEqualTo(new Replicas(1, 0, 1));
        assertThat(byImage.replicas()).isEqualTo(new Replicas(1, 0, 1));
        assertThat(byImage.state()).isInstanceOf(InstanceState.Starting.class);
    }

    @Test
    void theRuntimeIsToldARevisionScalingUpMayWantOneMore() {
        RuntimeInstances instances = instances(Map.of(RuntimeName.PROCESS, process, RuntimeName.CONTAINER,
                container), RuntimeSettings.DEFAULTS);

        instances.ensure(revision(null, IMAGE));

        assertThat(container.prepared()).containsExactly("by-image-00001 x1");
        assertThat(process.prepared()).isEmpty();
    }

    @Test
    void aDeletedRevisionsHintIsTakenBackSoWhatWasMadeAheadForItGoesAtOnce() {
        RuntimeInstances instances = instances(Map.of(RuntimeName.PROCESS, process, RuntimeName.CONTAINER,
                container), RuntimeSettings.DEFAULTS);
        instances.ensure(revision(null, IMAGE));

        instances.remove(new NamespacedName("default", "by-image-00001"));

        assertThat(container.prepared()).containsExactly("by-image-00001 x1", "by-image-00001 x0");
    }

    @Test
    void aDecisionToScaleFromZeroStartsTheInstanceWithoutWaitingForTheReconcilerWhoseReconcileFollowsTheColdStart() {
        RevisionScaling allowingZero = new RevisionScaling(AutoscalerConfig.KNATIVE.with(
                ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE, true), id -> 0, id -> true,
                () -> Instant.parse("2026-12-06T02:00:00Z"), Duration.ofHours(1), signals);
        allowingZero.start();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T02:00:00Z"));
        try {
            RuntimeInstances instances = new RuntimeInstances(Runtimes.of(Map.<RuntimeName, WorkloadRuntime>of(RuntimeName.PROCESS, process)),
                    new RuntimeChoice(RuntimeSettings.DEFAULTS),
                    new WorkloadSpecs(new EnvResolver((type, namespace, name) -> Optional.empty())), allowingZero,
                    new InstanceDrain(process, (revision, address) -> 0),
                    new JvmAotCache(aotRoot, javaCommand -> Optional.of("not in this test"), id -> false), now::get);
            // The reconciler's queue, which nobody drains here: each key with the instances started when it came.
            List<Map.Entry<NamespacedName, Integer>> enqueued = new CopyOnWriteArrayList<>();
            instances.onChange(key -> enqueued.add(Map.entry(key, process.started().size())));
            InstanceReport first = instances.ensure(revisionAtZero());
            assertThat(first.replicas().desired()).isZero();

            signals.demand(new RevisionId("default", "by-command-00001")); // a request is held at zero

            await().atMost(Duration.ofSeconds(10)).until(() -> process.started().size() == 1);
            // The decision's reconcile (a status write, the reconciles it wakes) waits while the cold start is on
            // the request's path; the clock stands still here, so it is still held.
            assertThat(enqueued).isEmpty();
            now.set(now.get().plus(ColdStartQuiet.MAX_HOLD));
            await().atMost(Duration.ofSeconds(10)).until(() -> !enqueued.isEmpty());
            // With the instance's Starting, held alike (each held follow-up may come once more: harmless).
            assertThat(enqueued).allSatisfy(entry -> assertThat(entry).as("a reconcile after the start")
                    .isEqualTo(Map.entry(new NamespacedName("default", "by-command-00001"), 1)));
        } finally {
            allowingZero.close();
        }
    }

    @Test
    void aFailedPullSaysWhenItsBackOffStepsAreDueSoTheReconcilerLooksAgainThen() {
        Instant failedAt = Instant.parse("2026-12-06T02:00:10Z");
        AtomicReference<Instant> now = new AtomicReference<>(failedAt);
        RuntimeInstances instances = new RuntimeInstances(Runtimes.of(Map.<RuntimeName, WorkloadRuntime>of(RuntimeName.PROCESS, process)),
                new RuntimeChoice(RuntimeSettings.DEFAULTS),
                new WorkloadSpecs(new EnvResolver((type, namespace, name) -> Optional.empty())), scaling,
                new InstanceDrain(process, (revision, address) -> 0),
                new JvmAotCache(aotRoot, javaCommand -> Optional.of("not in this test"), id -> false), now::get);
        Revision revision = revision(List.of("python3", "app.py"), null);
        assertThat(instances.ensure(revision).recheckAt()).as("starting: nothing due").isEmpty();
        String id = process.instances().getFirst().id();
        process.fail(id, new Termination("ErrImagePull: manifest unknown", OptionalInt.empty(), List.of(), failedAt));

        InstanceReport failed = instances.ensure(revision);

        assertThat(failed.state()).isEqualTo(new InstanceState.Failed("ErrImagePull", "manifest unknown"));
        assertThat(failed.recheckAt()).contains(failedAt.plus(ImagePullBackOff.ERR_IMAGE_PULL_SHOWN));
        now.set(failedAt.plusMillis(500));
        InstanceReport backingOff = instances.ensure(revision);
        assertThat(backingOff.state()).extracting(state -> ((InstanceState.Failed) state).reason())
                .isEqualTo("ImagePullBackOff");
        assertThat(backingOff.recheckAt()).contains(failedAt.plus(ImagePullBackOff.FIRST));
    }

    private RuntimeInstances instances(Map<RuntimeName, WorkloadRuntime> runtimes, RuntimeSettings settings) {
        return new RuntimeInstances(runtimes, new RuntimeChoice(settings),
                new WorkloadSpecs(new EnvResolver((type, namespace, name) -> Optional.empty())), scaling,
                new InstanceDrain(process, (revision, address) -> 0),
                new JvmAotCache(aotRoot, javaCommand -> Optional.of("not in this test"), id -> false));
    }

    /** A process Revision created at zero (initial-scale 0). */
    private static Revision revisionAtZero() {
        ObjectNode tree = Json.mapper().valueToTree(Map.of("apiVersion", "serving.knative.dev/v1", "kind", "Revision",
                "metadata", Map.of("name", "by-command-00001", "namespace", "default",
                        "annotations", Map.of("autoscaling.knative.dev/initial-scale", "0")),
                "spec", Map.of("containers", List.of(Map.of("command", List.of("python3", "app.py"))))));
        return TypedCodec.decode(tree, Revision.class).value();
    }

    /** A Revision named after what its container declares, so each gets instances of its own. */
    private static Revision revision(List<String> command, String image) {
        Map<String, Object> serving = new HashMap<>();
        if (command != null) {
            serving.put("command", command);
        }
        if (image != null) {
            serving.put("image", image);
        }
        String name = command != null ? "by-command-00001" : "by-image-00001";
        ObjectNode tree = Json.mapper().valueToTree(Map.of("apiVersion", "serving.knative.dev/v1", "kind", "Revision",
                "metadata", Map.of("name", name, "namespace", "default"),
                "spec", Map.of("containers", List.of(serving))));
        return TypedCodec.decode(tree, Revision.class).value();
    }
}
