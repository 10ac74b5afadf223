package dev.kumo.controller.engine;

import dev.kumo.api.meta.ResourceType;

/**
 * Where the engine's reconciles are traced, for the server to turn into spans; the engine itself knows no tracing
 * library. {@link #started} and the returned span's methods are called on the worker thread that reconciles, so an
 * implementation may make its span current meanwhile.
 */
@FunctionalInterface
public interface ReconcileTracing {

    /** Traces nothing. */
    ReconcileTracing NONE = (controller, primary, key) -> Span.NONE;

    /** The controller named {@code controller} starts reconciling the {@code primary} object {@code key}. */
    Span started(String controller, ResourceType primary, NamespacedName key);

    /** One reconcile's span. */
    interface Span {

        Span NONE = new Span() {
            @Override
            public void failed(RuntimeException error) {
            }

            @Override
            public void ended(EngineMetrics.Outcome outcome) {
            }
        };

        /** The reconcile threw {@code error} (retried or terminal); {@link #ended} follows. */
        void failed(RuntimeException error);

        /** The reconcile ended with {@code outcome}; called once, last. */
        void ended(EngineMetrics.Outcome outcome);
    }
}
