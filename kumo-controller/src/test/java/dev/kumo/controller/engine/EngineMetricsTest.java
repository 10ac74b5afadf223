package dev.kumo.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What the engine tells its {@link EngineMetrics}, and the MDC a reconcile runs with. */
class EngineMetricsTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final ManualClock clock = ManualClock.atEpoch();
    private final ResourceStore store = InMemoryStore.create();
    private final Recorded recorded = new Recorded();
    private final Engine engine = new Engine(store, clock, EngineOptions.DEFAULTS
            .withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1))).withMetrics(recorded));

    @AfterEach
    void close() {
        engine.close();
        store.close();
    }

    @Test
    void addsRetriesQueueTimesAndEachReconcilesOutcomeAreTold() {
        AtomicInteger failures = new AtomicInteger();
        List<String> context = new CopyOnWriteArrayList<>();
        engine.register(Controller.of("services", ResourceTypes.SERVICE, key -> {
            context.add(MDC.get("kind") + " " + MDC.get("namespace") + "/" + MDC.get("name"));
            return switch (key.name()) {
                case "fails-once" -> {
                    if (failures.getAndIncrement() == 0) {
                        throw new IllegalStateException("the first try fails");
                    }
                    yield Result.done();
                }
                case "later" -> Result.requeueAfter(Duration.ofMinutes(5));
                default -> Result.done();
            };
        }));
        createService("ok");
        createService("fails-once");
        createService("later");
        engine.start();
        settle();
        clock.advance(Duration.ofSeconds(2));
        engine.wake();
        settle();

        assertThat(recorded.names).containsExactly("services");
        assertThat(recorded.adds.sum()).isEqualTo(4);
        assertThat(recorded.retries.sum()).isEqualTo(1);
        assertThat(recorded.taken.sum()).isEqualTo(4);
        assertThat(recorded.outcomes).containsEntry(EngineMetrics.Outcome.SUCCESS, 2L)
                .containsEntry(EngineMetrics.Outcome.ERROR, 1L)
                .containsEntry(EngineMetrics.Outcome.REQUEUE_AFTER, 1L);
        assertThat(recorded.depth.getAsInt()).isZero();
        assertThat(context).contains("Service default/ok", "Service default/fails-once", "Service default/later");
        assertThat(MDC.get("kind")).isNull();
    }

    private void settle() {
        assertThat(engine.awaitIdle(SETTLE)).as("engine settles").isTrue();
    }

    private void createService(String name) {
        ObjectNode service = Json.object();
        service.put("apiVersion", "serving.knative.dev/v1").put("kind", "Service");
        service.putObject("metadata").put("namespace", "default").put("name", name);
        service.putObject("spec");
        store.create(ResourceTypes.SERVICE, service);
    }

    /** Counts what it is told, as the server's meters would. */
    private static final class Recorded implements EngineMetrics, EngineMetrics.ControllerMetrics {

        final List<String> names = new CopyOnWriteArrayList<>();
        final LongAdder adds = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder taken = new LongAdder();
        final Map<Outcome, Long> outcomes = new ConcurrentHashMap<>();
        volatile IntSupplier depth;

        @Override
        public ControllerMetrics controller(String controller, IntSupplier depth) {
            names.add(controller);
            this.depth = depth;
            return this;
        }

        @Override
        public void added() {
            adds.increment();
        }

        @Override
        public void retried() {
            retries.increment();
        }

        @Override
        public void taken(Duration queued) {
            assertThat(queued.isNegative()).isFalse();
            taken.increment();
        }

        @Override
        public void reconciled(Outcome outcome, Duration took) {
            outcomes.merge(outcome, 1L, Long::sum);
        }
    }
}
