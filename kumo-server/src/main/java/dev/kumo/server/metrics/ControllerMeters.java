package dev.kumo.server.metrics;

import dev.kumo.controller.engine.EngineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The controllers' work queues and reconciles with client-go's and controller-runtime's names:
 * {@code workqueue_depth}, {@code workqueue_adds_total}, {@code workqueue_retries_total},
 * {@code workqueue_queue_duration_seconds} (label {@code name}, the controller), and
 * {@code controller_runtime_reconcile_total{controller,result}}, {@code controller_runtime_reconcile_time_seconds}
 * (label {@code controller}). Bounded: one set per controller (a fixed list in the server) and three results.
 */
public final class ControllerMeters implements EngineMetrics {

    private static final Duration[] QUEUE_BUCKETS = ApiServerMeters.seconds(0.00001, 0.0001, 0.001, 0.01, 0.1, 1,
            10, 100, 1000);
    private static final Duration[] RECONCILE_BUCKETS = ApiServerMeters.seconds(0.005, 0.01, 0.025, 0.05, 0.1,
            0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4,
            4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60);

    private final MeterRegistry registry;

    public ControllerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ControllerMetrics controller(String controller, IntSupplier depth) {
        Tags queue = Tags.of("name", controller);
        Gauge.builder("workqueue.depth", depth, IntSupplier::getAsInt).description("Current depth of workqueue")
                .tags(queue).strongReference(true).register(registry);
        Counter adds = Counter.builder("workqueue.adds").description("Total number of adds handled by workqueue")
                .tags(queue).register(registry);
        Counter retries = Counter.builder("workqueue.retries").description("Total number of retries handled by "
                + "workqueue").tags(queue).register(registry);
        Timer queued = Timer.builder("workqueue.queue.duration").description("How long in seconds an item stays in "
                + "workqueue before being requested").tags(queue).serviceLevelObjectives(QUEUE_BUCKETS)
                .register(registry);
        Tags tags = Tags.of("controller", controller);
        Map<Outcome, Counter> results = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            results.put(outcome, Counter.builder("controller.runtime.reconcile").description("Total number of "
                    + "reconciliations per controller").tags(tags).tag("result", outcome.label()).register(registry));
        }
        Timer reconcileTime = Timer.builder("controller.runtime.reconcile.time").description("Length of time per "
                + "reconciliation per controller").tags(tags).serviceLevelObjectives(RECONCILE_BUCKETS)
                .register(registry);
        return new ControllerMetrics() {
            @Override
            public void added() {
                adds.increment();
            }

            @Override
            public void retried() {
                retries.increment();
            }

            @Override
            public void taken(Duration waited) {
                queued.record(waited);
            }

            @Override
            public void reconciled(Outcome outcome, Duration took) {
                results.get(outcome).increment();
                reconcileTime.record(took);
            }
        };
    }
}
