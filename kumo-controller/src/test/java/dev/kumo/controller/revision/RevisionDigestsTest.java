package dev.kumo.controller.revision;

import static dev.kumo.controller.testing.Objects.revision;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.ContainerStatus;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RevisionStatus;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.testing.FakeRevisionInstances;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Revision's image tags are resolved to digests once, before its instances run, as Knative's reconcileDigest. */
class RevisionDigestsTest {

    private static final NamespacedName KEY = new NamespacedName("default", "hello-00001");
    private static final String IMAGE = "example.com/hello:1";
    private static final String DIGEST = "example.com/hello@sha256:" + "a".repeat(64);
    private static final String RETAGGED = "example.com/hello@sha256:" + "b".repeat(64);

    private final ResourceStore store = InMemoryStore.create();
    private final ManualClock clock = ManualClock.atEpoch();
    private final FakeRevisionInstances instances = new FakeRevisionInstances(clock);
    private final FakeRegistry registry = new FakeRegistry();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theDigestGoesInTheStatusAndIsWhatTheInstancesAreGiven() {
        Seed.load(store, List.of(revision("hello-00001", named("user-container"))));
        registry.answer(IMAGE, DIGEST);

        reconciler().reconcile(KEY);

        assertThat(containerStatuses()).containsExactly(new ContainerStatus("user-container", DIGEST));
        assertThat(instances.ensured("default", "hello-00001").orElseThrow().status().containerStatuses())
                .containsExactly(new ContainerStatus("user-container", DIGEST));
    }

    @Test
    void nothingRunsUntilTheRegistryAnswersAndTheRevisionIsEnqueuedWhenItHas() {
        Seed.load(store, List.of(revision("hello-00001")));
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        registry.pending(IMAGE, answer);
        RevisionReconciler reconciler = reconciler();
        List<NamespacedName> enqueued = new ArrayList<>();
        reconciler.onDigests(enqueued::add);

        assertThat(reconciler.reconcile(KEY)).isEqualTo(Result.done());
        assertThat(instances.running("default", "hello-00001")).isFalse();
        assertThat(containerStatuses()).isNull();

        answer.complete(Optional.of(DIGEST));
        assertThat(enqueued).containsExactly(KEY);
        reconciler.reconcile(KEY);
        assertThat(instances.running("default", "hello-00001")).isTrue();
        assertThat(containerStatuses()).extracting(ContainerStatus::imageDigest).containsExactly(DIGEST);
    }

    @Test
    void aResolvedRevisionIsNeverResolvedAgainSoARetagDoesNotChangeIt() {
        Seed.load(store, List.of(revision("hello-00001")));
        registry.answer(IMAGE, DIGEST);
        reconciler().reconcile(KEY);
        registry.answer(IMAGE, RETAGGED);

        // A new reconciler, as after a server restart: the status is what counts.
        reconciler().reconcile(KEY);

        assertThat(registry.asked(IMAGE)).isEqualTo(1);
        assertThat(containerStatuses()).extracting(ContainerStatus::imageDigest).containsExactly(DIGEST);
        assertThat(instances.ensured("default", "hello-00001").orElseThrow().status().containerStatuses())
                .extracting(ContainerStatus::imageDigest).containsExactly(DIGEST);
    }

    @Test
    void anImageKeptAsWrittenHasAStatusWithoutDigestAndRunsItsTag() {
        Seed.load(store, List.of(revision("hello-00001", named("user-container"))));
        registry.keep(IMAGE);

        reconciler().reconcile(KEY);

        assertThat(containerStatuses()).containsExactly(new ContainerStatus("user-container", null));
        assertThat(instances.running("default", "hello-00001")).isTrue();
    }

    @Test
    void aFailureIsContainerMissingWithTheRegistrysMessageAndIsTriedAgainAfterABackOff() {
        Seed.load(store, List.of(revision("hello-00001")));
        registry.fail(IMAGE, "MANIFEST_UNKNOWN: manifest unknown");
        RevisionReconciler reconciler = reconciler();

        Result result = reconciler.reconcile(KEY);

        assertThat(result).isEqualTo(Result.requeueAfter(DigestResolution.FIRST_RETRY));
        assertThat(instances.running("default", "hello-00001")).isFalse();
        JsonNode status = store.get(ResourceTypes.REVISION, "default", "hello-00001").orElseThrow().get("status");
        String message = "Unable to fetch image \"example.com/hello:1\": MANIFEST_UNKNOWN: manifest unknown";
        assertThat(condition(status, "ContainerHealthy")).containsEntry("status", "False")
                .containsEntry("reason", "ContainerMissing").containsEntry("message", message);
        assertThat(condition(status, "Ready")).containsEntry("status", "False")
                .containsEntry("reason", "ContainerMissing").containsEntry("message", message);
        assertThat(store.get(ResourceTypes.REVISION, "default", "hello-00001").orElseThrow()
                .at("/spec/containers/0/image").asText()).isEqualTo(IMAGE);

        reconciler.reconcile(KEY);
        assertThat(registry.asked(IMAGE)).as("not asked again before the back-off").isEqualTo(1);

        clock.advance(DigestResolution.FIRST_RETRY);
        registry.answer(IMAGE, DIGEST);
        reconciler.reconcile(KEY);
        assertThat(registry.asked(IMAGE)).isEqualTo(2);
        assertThat(containerStatuses()).extracting(ContainerStatus::imageDigest).containsExactly(DIGEST);
        assertThat(instances.running("default", "hello-00001")).isTrue();
    }

    @Test
    void theBackOffGrowsWithEachFailure() {
        Seed.load(store, List.of(revision("hello-00001")));
        registry.fail(IMAGE, "connection refused");
        RevisionReconciler reconciler = reconciler();

        assertThat(reconciler.reconcile(KEY)).isEqualTo(Result.requeueAfter(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(reconciler.reconcile(KEY)).isEqualTo(Result.requeueAfter(Duration.ofSeconds(2)));
        clock.advance(Duration.ofSeconds(2));
        assertThat(reconciler.reconcile(KEY)).isEqualTo(Result.requeueAfter(Duration.ofSeconds(4)));
    }

    @Test
    void everyContainerOfAMultiContainerRevisionIsResolved() {
        String sidecar = "example.com/sidecar:2";
        String sidecarDigest = "example.com/sidecar@sha256:" + "c".repeat(64);
        Seed.load(store, List.of(revision("hello-00001", r -> r.withSpec(r.spec().toBuilder().containers(List.of(
                Container.builder().name("app").image(IMAGE).build(),
                Container.builder().name("sidecar").image(sidecar).build())).build()))));
        registry.answer(IMAGE, DIGEST);
        registry.answer(sidecar, sidecarDigest);

        reconciler().reconcile(KEY);

        assertThat(containerStatuses()).containsExactly(new ContainerStatus("app", DIGEST),
                new ContainerStatus("sidecar", sidecarDigest));
    }

    /**
     * Knative's reconcileDigest lists every container, by name and in order: an image its resolver kept as written
     * (a registry skipping tag resolution) has an empty imageDigest beside the digests resolved for the others.
     */
    @Test
    void aSidecarFromASkippedRegistryIsListedByNameWithoutADigestBesideAResolvedImage() {
        String local = "dev.local/sidecar:2";
        Seed.load(store, List.of(revision("hello-00001", r -> r.withSpec(r.spec().toBuilder().containers(List.of(
                Container.builder().name("app").image(IMAGE).build(),
                Container.builder().name("sidecar").image(local).build())).build()))));
        registry.answer(IMAGE, DIGEST);
        registry.keep(local);

        reconciler().reconcile(KEY);

        assertThat(containerStatuses()).containsExactly(new ContainerStatus("app", DIGEST),
                new ContainerStatus("sidecar", null));
        assertThat(store.get(ResourceTypes.REVISION, "default", "hello-00001").orElseThrow()
                .at("/status/containerStatuses/1").toString()).isEqualTo("{\"name\":\"sidecar\"}");
        assertThat(instances.running("default", "hello-00001")).isTrue();
    }

    private RevisionReconciler reconciler() {
        return RevisionController.reconciler(store, clock, instances, Duration.ofMinutes(2), registry);
    }

    private List<ContainerStatus> containerStatuses() {
        return Json.mapper().convertValue(store.get(ResourceTypes.REVISION, "default", "hello-00001").orElseThrow()
                .get("status"), RevisionStatus.class).containerStatuses();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> condition(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return Json.mapper().convertValue(condition, Map.class);
            }
        }
        throw new AssertionError("no condition " + type + " in " + status);
    }

    private static UnaryOperator<Revision> named(String container) {
        return r -> r.withSpec(r.spec().toBuilder().containers(r.spec().containers().stream()
                .map(c -> c.toBuilder().name(container).build()).toList()).build());
    }

    /** Answers per image as a registry would: a digest, nothing (kept as written), an error, or later. */
    private static final class FakeRegistry implements ImageResolver {
        private final Map<String, CompletableFuture<Optional<String>>> answers = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

        void answer(String image, String digest) {
            answers.put(image, CompletableFuture.completedFuture(Optional.of(digest)));
        }

        void keep(String image) {
            answers.put(image, CompletableFuture.completedFuture(Optional.empty()));
        }

        void fail(String image, String message) {
            answers.put(image, CompletableFuture.failedFuture(new ImageResolutionException(message)));
        }

        void pending(String image, CompletableFuture<Optional<String>> answer) {
            answers.put(image, answer);
        }

        int asked(String image) {
            return asked.getOrDefault(image, new AtomicInteger()).get();
        }

        @Override
        public CompletableFuture<Optional<String>> digest(Revision revision, Container container) {
            asked.computeIfAbsent(container.image(), i -> new AtomicInteger()).incrementAndGet();
            return answers.getOrDefault(container.image(), CompletableFuture.failedFuture(
                    new ImageResolutionException("no such image")));
        }
    }
}
