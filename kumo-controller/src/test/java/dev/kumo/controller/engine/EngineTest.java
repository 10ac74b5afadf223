package dev.kumo.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final NamespacedName HELLO = new NamespacedName("default", "hello");
    private static final NamespacedName BYE = new NamespacedName("default", "bye");

    private final ManualClock clock = ManualClock.atEpoch();
    private final ResourceStore store = InMemoryStore.create();
    private final RecordingReconciler reconciler = new RecordingReconciler();
    private final Engine engine = new Engine(store, clock, EngineOptions.DEFAULTS
            .withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)))
            .withResyncPeriod(Duration.ofMinutes(10))
            .withWorkersPerController(4));

    @AfterEach
    void close() {
        engine.close();
        store.close();
    }

    @Test
    void existingAndNewPrimaryObjectsAreReconciled() {
        createService("hello");
        KeyQueue queue = start();
        createService("bye");
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(1);
        assertThat(reconciler.calls(BYE)).isEqualTo(1);
        assertThat(queue).isNotNull();
    }

    @Test
    void aKeyIsNeverReconciledByTwoWorkersAndAddsWhileBusyCollapse() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        reconciler.on(HELLO, key -> {
            if (entered.getCount() > 0) {
                entered.countDown();
                await(release);
            }
            return Result.done();
        });
        KeyQueue queue = start();
        queue.enqueue(HELLO);
        entered.await();
        for (int i = 0; i < 5; i++) {
            queue.enqueue(HELLO);
        }
        release.countDown();
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(2);
        assertThat(reconciler.maxInFlightPerKey()).isEqualTo(1);
    }

    @Test
    void aChangeOfAnOwnedObjectEnqueuesItsControllerOwner() {
        ObjectNode service = createService("hello");
        start();
        settle();
        reconciler.reset();
        store.create(ResourceTypes.CONFIGURATION, owned("hello", service, true));
        store.create(ResourceTypes.CONFIGURATION, owned("stray", service, false));
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(1);
        assertThat(reconciler.calls(new NamespacedName("default", "stray"))).isZero();
    }

    @Test
    void aDeletedPrimaryIsReconciledOnceMore() {
        createService("hello");
        start();
        settle();
        store.delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT);
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(2);
    }

    @Test
    void failuresAreRetriedWithExponentialBackoffOnTheClock() {
        reconciler.on(HELLO, key -> {
            throw new IllegalStateException("store unavailable");
        });
        createService("hello");
        start();
        settle();
        Instant t0 = clock.instant();
        assertThat(reconciler.calls(HELLO)).isEqualTo(1);
        assertThat(engine.scheduledAt("services", HELLO)).contains(t0.plusSeconds(1));

        clock.advance(Duration.ofMillis(999));
        engine.wake();
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        engine.wake();
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(2);
        assertThat(engine.scheduledAt("services", HELLO)).contains(t0.plusSeconds(1 + 2));

        reconciler.on(HELLO, key -> Result.done());
        clock.advance(Duration.ofSeconds(2));
        engine.wake();
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(3);
        assertThat(engine.scheduledAt("services", HELLO)).isEmpty();
    }

    @Test
    void terminalFailuresAreNotRetried() {
        reconciler.on(HELLO, key -> {
            throw new TerminalException("spec can never work");
        });
        createService("hello");
        start();
        settle();
        clock.advance(Duration.ofMinutes(5));
        engine.wake();
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(1);
        assertThat(engine.scheduledAt("services", HELLO)).isEmpty();
    }

    @Test
    void requeueAfterComesBackWhenTheClockSaysSo() {
        reconciler.on(HELLO, key -> Result.requeueAfter(Duration.ofSeconds(30)));
        createService("hello");
        start();
        settle();
        assertThat(engine.scheduledAt("services", HELLO)).contains(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        engine.wake();
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(2);
    }

    @Test
    void resyncReconcilesEveryPrimaryObjectAgain() {
        createService("hello");
        createService("bye");
        start();
        settle();
        clock.advance(Duration.ofMinutes(10));
        engine.wake();
        settle();
        assertThat(reconciler.calls(HELLO)).isEqualTo(2);
        assertThat(reconciler.calls(BYE)).isEqualTo(2);
    }

    private KeyQueue start() {
        KeyQueue queue = engine.register(Controller.of("services", ResourceTypes.SERVICE, reconciler)
                .owning(ResourceTypes.CONFIGURATION));
        engine.start();
        return queue;
    }

    private void settle() {
        assertThat(engine.awaitIdle(SETTLE)).as("engine settles").isTrue();
    }

    private ObjectNode createService(String name) {
        ObjectNode service = Json.object();
        service.put("apiVersion", "serving.knative.dev/v1").put("kind", "Service");
        service.putObject("metadata").put("namespace", "default").put("name", name);
        service.putObject("spec");
        return store.create(ResourceTypes.SERVICE, service);
    }

    private static ObjectNode owned(String name, ObjectNode owner, boolean controller) {
        ObjectNode config = Json.object();
        config.put("apiVersion", "serving.knative.dev/v1").put("kind", "Configuration");
        ObjectNode metadata = config.putObject("metadata").put("namespace", "default").put("name", name);
        metadata.putArray("ownerReferences").addObject()
                .put("apiVersion", "serving.knative.dev/v1").put("kind", "Service")
                .put("name", owner.path("metadata").path("name").asText())
                .put("uid", owner.path("metadata").path("uid").asText())
                .put("controller", controller);
        config.putObject("spec");
        return config;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
