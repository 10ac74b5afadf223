package dev.kumo.controller.engine;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What the engine tells about each controller's work queue and reconciles, for the server to turn into meters with
 * client-go's and controller-runtime's names; the engine itself knows no metrics library.
 */
@FunctionalInterface
public interface EngineMetrics {

    /** Tells nothing. */
    EngineMetrics NONE = (controller, depth) -> ControllerMetrics.NONE;

    /** The metrics of the controller named {@code controller}, whose queue holds {@code depth} keys now. */
    ControllerMetrics controller(String controller, IntSupplier depth);

    /** How a reconcile ended, in controller-runtime's words ({@code controller_runtime_reconcile_total}'s result). */
    enum Outcome {
        SUCCESS("success"), ERROR("error"), REQUEUE_AFTER("requeue_after");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The {@code result} label's value. */
        public String label() {
            return label;
        }
    }

    /** One controller's events; called from its workers and watches, so implementations are thread-safe. */
    interface ControllerMetrics {

        ControllerMetrics NONE = new ControllerMetrics() {
            @Override
            public void added() {
            }

            @Override
            public void retried() {
            }

            @Override
            public void taken(Duration queued) {
            }

            @Override
            public void reconciled(Outcome outcome, Duration took) {
            }
        };

        /** A key went into the queue (one not queued already). */
        void added();

        /** A key failed and waits for its retry. */
        void retried();

        /** A worker took a key that had waited {@code queued} in the queue. */
        void taken(Duration queued);

        /** A reconcile ended with {@code outcome} after {@code took}. */
        void reconciled(Outcome outcome, Duration took);
    }
}
