package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.core.PodKind;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.apiserver.PodLogs;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.runtime.support.FollowedLog;
import dev.kumo.serving.pods.ContainerSourceInstances;
import dev.kumo.serving.pods.InstancePodLogs;
import dev.kumo.serving.pods.PodView;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodViewTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final PodLogs.Options FOLLOW = new PodLogs.Options(Optional.empty(), Optional.empty(), true, false);
    private static final PodLogs.Options ONCE = new PodLogs.Options(Optional.empty(), Optional.empty(), false, false);

    private final ResourceStore store = InMemoryStore.create();
    private final Instances runtime = new Instances();
    private final List<String> stopped = new CopyOnWriteArrayList<>();
    private PodView view;

    @AfterEach
    void close() {
        if (view != null) {
            view.close();
        }
        store.close();
    }

    @Test
    void anInstanceIsShownAsAPodFromStartToStop() {
        ObjectNode revision = store.create(ResourceTypes.REVISION, Json.parseObject("""
                {"apiVersion": "serving.knative.dev/v1", "kind": "Revision",
                 "metadata": {"name": "hello-00001", "namespace": "default"},
                 "spec": {"containers": [{"command": ["python3"], "args": ["app.py"]}]}}
                """));
        view = start();
        runtime.tellChange(new Instance("hello-00001-abcde", HELLO, new InstanceState.Starting(T0, Optional.empty()), 0));
        ObjectNode starting = awaitPod(pod -> pod.at("/status/containerStatuses/0/ready").isBoolean());
        assertThat(starting.at("/metadata/name").asText()).matches("hello-00001-deployment-[b-z2-9]{10}-[b-z2-9]{5}");
        assertThat(starting.at("/metadata/labels")).isEqualTo(Json.parseObject("""
                {"app": "hello-00001", "serving.knative.dev/configuration": "hello",
                 "serving.knative.dev/revision": "hello-00001", "serving.knative.dev/service": "hello",
                 "serving.knative.dev/revisionUID": "%s"}""".formatted(revision.at("/metadata/uid").asText())));
        assertThat(starting.at("/metadata/ownerReferences/0/uid").asText()).isEqualTo(revision.at("/metadata/uid")
                .asText());
        assertThat(starting.at("/metadata/annotations").path(PodKind.INSTANCE_ANNOTATION).asText())
                .isEqualTo("hello-00001-abcde");
        assertThat(starting.at("/status/containerStatuses/0/ready").asBoolean()).isFalse();
        assertThat(starting.at("/spec/containers/0/name").asText()).isEqualTo("user-container");

        runtime.tellChange(new Instance("hello-00001-abcde", HELLO, new InstanceState.Ready(
                InstanceAddress.loopback(40123), T0.plusSeconds(1), T0), 0));
        ObjectNode ready = awaitPod(pod -> pod.at("/status/containerStatuses/0/ready").asBoolean());
        assertThat(ready.at("/spec/containers/0/ports/0/containerPort").asInt()).isEqualTo(40123);
        assertThat(ready.at("/status/phase").asText()).isEqualTo("Running");
        assertThat(ready.at("/status/podIP").asText()).isEqualTo("127.0.0.1");
        assertThat(ready.at("/status/conditions/3/type").asText()).isEqualTo("Ready");
        assertThat(ready.at("/status/conditions/3/status").asText()).isEqualTo("True");

        runtime.tellChange(new Instance("hello-00001-abcde", HELLO, new InstanceState.Stopped(T0.plusSeconds(9)), 0));
        await("the Pod deleted").atMost(SETTLE).until(() -> pods().isEmpty());
    }

    @Test
    void aCrashLoopShowsTheWaitingReasonRestartsAndTheLastTermination() {
        view = start();
        Termination oom = new Termination("killed", OptionalInt.of(137), List.of("allocating"), T0, true);
        runtime.tellChange(new Instance("hello-00001-abcde", HELLO, new InstanceState.CrashLoopBackOff(2,
                T0.plusSeconds(20), oom), 2, Optional.of(oom)));
        ObjectNode pod = awaitPod(p -> true);
        assertThat(pod.at("/status/containerStatuses/0/state/waiting/reason").asText()).isEqualTo("CrashLoopBackOff");
        assertThat(pod.at("/status/containerStatuses/0/restartCount").asInt()).isEqualTo(2);
        assertThat(pod.at("/status/containerStatuses/0/lastState/terminated/reason").asText()).isEqualTo("OOMKilled");
        assertThat(pod.at("/status/containerStatuses/0/lastState/terminated/exitCode").asInt()).isEqualTo(137);
        assertThat(pod.has("metadata") && !pod.at("/metadata").has("ownerReferences")).as("no Revision stored")
                .isTrue();
    }

    @Test
    void aPodDeletedByAClientStopsItsInstanceAndIsNotShownAgain() {
        Instance running = new Instance("hello-00001-abcde", HELLO, new InstanceState.Ready(
                InstanceAddress.loopback(40123), T0, T0), 0);
        runtime.instances.put(running.id(), running);
        view = start();
        ObjectNode pod = awaitPod(p -> true);
        store.delete(ResourceTypes.POD, "default", pod.at("/metadata/name").asText(), DeleteOptions.DEFAULT);
        await("the instance stopped").atMost(SETTLE).until(() -> stopped.equals(List.of(running.id())));
        runtime.tellChange(running); // a change while it stops
        runtime.tellChange(new Instance(running.id(), HELLO, new InstanceState.Stopped(T0.plusSeconds(1)), 0));
        await("settled").during(Duration.ofMillis(300)).atMost(SETTLE).until(() -> pods().isEmpty());
        assertThat(stopped).containsExactly(running.id());
    }

    @Test
    void aContainerSourcesInstancesInARuntimeAddedLaterArePodsOfTheSourceWithKnativesLabelsLogsAndDeletion() {
        ObjectNode source = store.create(ResourceTypes.CONTAINER_SOURCE, Json.parseObject("""
                {"apiVersion": "sources.knative.dev/v1", "kind": "ContainerSource",
                 "metadata": {"name": "heartbeats", "namespace": "default"},
                 "spec": {"template": {"metadata": {"labels": {"app": "heartbeats"}},
                          "spec": {"containers": [{"name": "beat", "command": ["beat"]}]}},
                          "sink": {"uri": "http://127.0.0.1:1"}}}
                """));
        view = start();
        Instances sources = new Instances();
        Instance beating = new Instance("b1", ContainerSourceInstances.ref("default", "heartbeats"),
                new InstanceState.Ready(InstanceAddress.loopback(40124), T0, T0), 0);
        sources.instances.put(beating.id(), beating);
        sources.log("b1").write("beat 1");
        view.show("source", sources);

        ObjectNode pod = awaitPod(p -> true);
        assertThat(pod.at("/metadata/name").asText()).matches("heartbeats-deployment-[b-z2-9]{10}-[b-z2-9]{5}");
        assertThat(pod.at("/metadata/labels")).isEqualTo(Json.parseObject("""
                {"app": "heartbeats", "sources.knative.dev/containerSource": "heartbeats",
                 "sources.knative.dev/source": "container-source-controller"}"""));
        assertThat(pod.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("ContainerSource");
        assertThat(pod.at("/metadata/ownerReferences/0/uid").asText()).isEqualTo(source.at("/metadata/uid").asText());
        assertThat(pod.at("/metadata/annotations").path(PodKind.INSTANCE_ANNOTATION).asText()).isEqualTo("source/b1");
        assertThat(pod.at("/spec/containers/0/name").asText()).isEqualTo("beat");
        assertThat(pod.at("/status/phase").asText()).isEqualTo("Running");
        String name = pod.at("/metadata/name").asText();
        Recorded logs = new Recorded();
        new InstancePodLogs(view).open("default", name, ONCE).stream(logs);
        await("its log, from its own runtime").atMost(SETTLE).until(() -> logs.lines.equals(List.of("beat 1")));

        store.delete(ResourceTypes.POD, "default", name, DeleteOptions.DEFAULT);
        await("its instance stopped in its own runtime").atMost(SETTLE).until(() -> sources.instances.isEmpty());
        assertThat(stopped).as("not through Serving's stopper").isEmpty();
    }

    @Test
    void podsOfInstancesThatNoLongerExistAreRemovedAtStart() {
        store.create(ResourceTypes.POD, Json.parseObject("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "old", "namespace": "default",
                 "annotations": {"kumo.dev/instance": "hello-00001-gone1"}}}
                """));
        view = start();
        assertThat(pods()).isEmpty();
    }

    @Test
    void aLogFollowEndsWhenTheInstanceStopsAndAtOnceWhenItAlreadyFailed() {
        Instance running = new Instance("hello-00001-abcde", HELLO, new InstanceState.Ready(
                InstanceAddress.loopback(40123), T0, T0), 0);
        runtime.tellChange(running);
        runtime.log(running.id()).write("listening");
        view = start();
        String pod = awaitPod(p -> true).at("/metadata/name").asText();
        Recorded follow = new Recorded();
        new InstancePodLogs(view).open("default", pod, FOLLOW).stream(follow);
        runtime.log(running.id()).write("GET /");
        await("the lines followed").atMost(SETTLE).until(() -> follow.lines.equals(List.of("listening", "GET /")));
        assertThat(follow.ended).isFalse();
        runtime.tellChange(new Instance(running.id(), HELLO, new InstanceState.Stopped(T0.plusSeconds(5)), 0));
        await("the follow ended with the instance").atMost(SETTLE).untilTrue(follow.ended);

        Termination crash = new Termination("exit 3", OptionalInt.of(3), List.of("boom"), T0, false);
        Instance failed = new Instance("hello-00001-fffff", HELLO, new InstanceState.Failed(crash), 0);
        runtime.tellChange(failed);
        runtime.log(failed.id()).write("boom");
        String failedPod = awaitPod(p -> p.at("/metadata/annotations").path(PodKind.INSTANCE_ANNOTATION).asText()
                .equals(failed.id())).at("/metadata/name").asText();
        Recorded late = new Recorded();
        new InstancePodLogs(view).open("default", failedPod, FOLLOW).stream(late);
        assertThat(late.lines).containsExactly("boom");
        assertThat(late.ended).isTrue();
    }

    @Test
    void theViewForgetsEachInstanceWhosePodIsRemovedSoManyColdStartsDoNotAddUp() {
        view = start();
        List<Instance> started = java.util.stream.IntStream.range(0, 20).mapToObj(i -> new Instance(
                "hello-00001-c%04d".formatted(i), HELLO, new InstanceState.Ready(InstanceAddress.loopback(41000 + i),
                T0, T0), 0)).toList();
        started.forEach(instance -> {
            runtime.tellChange(instance);
            runtime.log(instance.id()).write("started " + instance.id());
        });
        await("a Pod each").atMost(SETTLE).until(() -> pods().size() == started.size());
        List<String> names = pods().stream().map(pod -> pod.at("/metadata/name").asText()).toList();
        InstancePodLogs logs = new InstancePodLogs(view);
        names.forEach(name -> assertThat(logs.open("default", name, ONCE)).isNotNull());
        started.forEach(instance -> runtime.tellChange(new Instance(instance.id(), HELLO,
                new InstanceState.Stopped(T0.plusSeconds(60)), 0)));
        await("every Pod removed").atMost(SETTLE).until(() -> pods().isEmpty());
        names.forEach(name -> assertThatThrownBy(() -> logs.open("default", name, ONCE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason())
                        .isEqualTo(StatusReason.NotFound)));
    }

    @Test
    void twoInstancesWhoseIdsHashToOneSuffixGetTwoPodsAndStoppingOneLeavesTheOther() {
        // These two ids hash to one 5-character suffix (b65gz).
        Instance first = new Instance("hello-00001-bbf46", HELLO, new InstanceState.Ready(
                InstanceAddress.loopback(40001), T0, T0), 0);
        Instance second = new Instance("hello-00001-bbhbg", HELLO, new InstanceState.Ready(
                InstanceAddress.loopback(40002), T0, T0), 0);
        view = start();
        runtime.tellChange(first);
        runtime.tellChange(second);
        await("a Pod each").atMost(SETTLE).until(() -> pods().stream().map(PodViewTest::instanceOf)
                .collect(java.util.stream.Collectors.toSet()).equals(java.util.Set.of(first.id(), second.id())));
        assertThat(pods()).extracting(pod -> pod.at("/metadata/name").asText()).doesNotHaveDuplicates();
        runtime.tellChange(new Instance(first.id(), HELLO, new InstanceState.Stopped(T0.plusSeconds(5)), 0));
        await("only the first's Pod removed").during(Duration.ofMillis(300)).atMost(SETTLE)
                .until(() -> pods().stream().map(PodViewTest::instanceOf).toList().equals(List.of(second.id())));
        assertThat(stopped).isEmpty();
    }

    private static String instanceOf(ObjectNode pod) {
        return pod.at("/metadata/annotations").path(PodKind.INSTANCE_ANNOTATION).asText();
    }

    private PodView start() {
        return PodView.start(runtime, store, instance -> stopped.add(instance.id()), InstantSource.fixed(T0));
    }

    private List<ObjectNode> pods() {
        return store.list(ResourceTypes.POD, ListOptions.ALL).items();
    }

    private ObjectNode awaitPod(java.util.function.Predicate<ObjectNode> wanted) {
        return await("the Pod").atMost(SETTLE).until(() -> pods().stream().filter(wanted).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** What a log stream sent. */
    private static final class Recorded implements RevisionLogs.Sink {

        final List<String> lines = new CopyOnWriteArrayList<>();
        final AtomicBoolean ended = new AtomicBoolean();

        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void end() {
            assertThat(ended.getAndSet(true)).as("ended once").isFalse();
        }
    }

    /** An instance's log kept in memory. */
    private static final class Lines extends FollowedLog {

        private final List<LogLine> kept = new ArrayList<>();

        Lines(String instanceId) {
            super(HELLO, instanceId, InstantSource.fixed(T0));
        }

        void write(String text) {
            append(text);
        }

        @Override
        protected void keep(LogLine line) {
            kept.add(line);
        }

        @Override
        public synchronized List<LogLine> lines() {
            return List.copyOf(kept);
        }
    }

    /** The instances a runtime has, told to listeners as a test says; their logs kept after they stop. */
    private static final class Instances extends ListenedRuntime {

        final Map<String, Instance> instances = new ConcurrentHashMap<>();
        private final Map<String, Lines> logs = new ConcurrentHashMap<>();

        Lines log(String instanceId) {
            return logs.computeIfAbsent(instanceId, Lines::new);
        }

        @Override
        public Optional<InstanceLogs> logs(String instanceId) {
            return Optional.ofNullable(logs.get(instanceId));
        }

        void tellChange(Instance instance) {
            if (instance.state() instanceof InstanceState.Stopped) {
                instances.remove(instance.id());
            } else {
                instances.put(instance.id(), instance);
            }
            tell(instance);
        }

        @Override
        public Optional<String> unsupported(WorkloadSpec spec) {
            return Optional.empty();
        }

        @Override
        public Instance start(WorkloadSpec spec) {
            throw new UnsupportedOperationException("the pod view starts nothing");
        }

        @Override
        public CompletableFuture<Instance> stop(String instanceId) {
            return CompletableFuture.completedFuture(instances.remove(instanceId));
        }

        @Override
        public Optional<Instance> instance(String instanceId) {
            return Optional.ofNullable(instances.get(instanceId));
        }

        @Override
        public List<Instance> instances() {
            return List.copyOf(instances.values());
        }
    }
}
