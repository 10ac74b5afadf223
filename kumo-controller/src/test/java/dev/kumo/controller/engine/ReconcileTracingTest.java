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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the engine tells its {@link ReconcileTracing}: each reconcile started, failed, ended, on its own thread. */
class ReconcileTracingTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final ManualClock clock = ManualClock.atEpoch();
    private final ResourceStore store = InMemoryStore.create();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final ReconcileTracing recording = (controller, primary, key) -> {
        Thread started = Thread.currentThread();
        told.add(key.name() + " started by " + controller + " (" + primary.kind() + ")");
        return new ReconcileTracing.Span() {
            @Override
            public void failed(RuntimeException error) {
                told.add(key.name() + " failed: " + error.getMessage());
            }

            @Override
            public void ended(EngineMetrics.Outcome outcome) {
                assertThat(Thread.currentThread()).isSameAs(started);
                told.add(key.name() + " ended " + outcome.label());
            }
        };
    };
    private final Engine engine = new Engine(store, clock, EngineOptions.DEFAULTS
            .withBackoff(new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1))).withTracing(recording));

    @AfterEach
    void close() {
        engine.close();
        store.close();
    }

    @Test
    void eachReconcileIsStartedEndedWithItsOutcomeAndItsFailureTold() {
        engine.register(Controller.of("services", ResourceTypes.SERVICE, key -> switch (key.name()) {
            case "fails" -> throw new IllegalStateException("cannot read its Configuration");
            case "later" -> Result.requeueAfter(Duration.ofMinutes(5));
            default -> Result.done();
        }));
        createService("ok");
        createService("fails");
        createService("later");
        engine.start();
        assertThat(engine.awaitIdle(SETTLE)).as("engine settles").isTrue();

        assertThat(told).containsSubsequence("ok started by services (Service)", "ok ended success")
                .containsSubsequence("fails started by services (Service)", "fails failed: cannot read its "
                        + "Configuration", "fails ended error")
                .containsSubsequence("later started by services (Service)", "later ended requeue_after")
                .hasSize(7);
    }

    private void createService(String name) {
        ObjectNode service = Json.object();
        service.put("apiVersion", "serving.knative.dev/v1").put("kind", "Service");
        service.putObject("metadata").put("namespace", "default").put("name", name);
        service.putObject("spec");
        store.create(ResourceTypes.SERVICE, service);
    }
}
