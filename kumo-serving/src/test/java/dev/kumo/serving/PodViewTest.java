package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.core.PodKind;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.serving.pods.PodView;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodViewTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final Duration SETTLE = Duration.ofSeconds(10);

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
    void podsOfInstancesThatNoLongerExistAreRemovedAtStart() {
        store.create(ResourceTypes.POD, Json.parseObject("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "old", "namespace": "default",
                 "annotations": {"kumo.dev/instance": "hello-00001-gone1"}}}
                """));
        view = start();
        assertThat(pods()).isEmpty();
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

    /** The instances a runtime has, told to listeners as a test says. */
    private static final class Instances extends ListenedRuntime {

        final Map<String, Instance> instances = new ConcurrentHashMap<>();

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
