package dev.kumo.store.internal;

import static dev.kumo.store.TestObjects.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.ResourceList;
import dev.kumo.store.StoreOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Group commit when a batch ends in the unexpected: every writer queued in it gets an answer, none a success. */
class BatchFailureTest {

    @Test
    void writersOfABatchEndedByAnErrorAreAllAnsweredAndNoneIsAcknowledged() throws Exception {
        FailingBackend backend = new FailingBackend();
        try (StoreEngine store = new StoreEngine(backend, StoreOptions.DEFAULTS);
                ExecutorService writers = Executors.newFixedThreadPool(4)) {
            Future<String> first = writers.submit(() -> outcome(store, "first"));
            assertThat(backend.applying.await(10, TimeUnit.SECONDS)).isTrue();
            // Queued behind the first batch, these run together in the second, which the backend ends with an Error.
            List<Future<String>> queued = List.of(writers.submit(() -> outcome(store, "a")),
                    writers.submit(() -> outcome(store, "b")), writers.submit(() -> outcome(store, "c")));
            backend.awaitQueued(store, 3);
            backend.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored");
            List<String> outcomes = queued.stream().map(BatchFailureTest::get).toList();
            assertThat(outcomes).doesNotContain("stored", "unanswered").contains("error: induced");
            assertThat(outcomes.stream().filter(o -> !o.equals("error: induced")))
                    .allMatch(o -> o.equals("InternalError: the write was abandoned: its batch failed unexpectedly"));
            assertThat(store.get(ResourceTypes.CONFIGMAP, "default", "a")).isEmpty();
        }
    }

    private static String outcome(StoreEngine store, String name) {
        try {
            store.create(ResourceTypes.CONFIGMAP, configMap("default", name));
            return "stored";
        } catch (ApiException e) {
            return e.reason() + ": " + e.getMessage();
        } catch (AssertionError e) {
            return "error: " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String get(Future<String> outcome) {
        try {
            return outcome.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "unanswered";
        }
    }

    /** A memory backend whose first change set waits for a release and whose second ends with an Error. */
    private static final class FailingBackend implements Backend {
        private final MemoryBackend rows = new MemoryBackend();
        private final AtomicInteger applies = new AtomicInteger();
        private final CountDownLatch applying = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        void awaitQueued(StoreEngine store, int writes) {
            await().atMost(Duration.ofSeconds(10)).until(() -> store.queuedWrites() == writes);
        }

        @Override
        public long resourceVersion() {
            return rows.resourceVersion();
        }

        @Override
        public Optional<ObjectNode> get(ObjectKey key) {
            return rows.get(key);
        }

        @Override
        public ResourceList list(String resource, Optional<String> namespace, Optional<String> name) {
            return rows.list(resource, namespace, name);
        }

        @Override
        public List<ObjectKey> dependents(String ownerUid) {
            return rows.dependents(ownerUid);
        }

        @Override
        public List<ObjectKey> contents(String namespace) {
            return rows.contents(namespace);
        }

        @Override
        public void apply(List<Change> changes, long resourceVersion) {
            if (applies.incrementAndGet() == 1) {
                applying.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                rows.apply(changes, resourceVersion);
                return;
            }
            throw new AssertionError("induced");
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
