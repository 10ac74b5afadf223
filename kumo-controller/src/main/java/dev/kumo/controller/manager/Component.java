package dev.kumo.controller.manager;

/**
 * A part of a running process that starts and stops with the others (controller-runtime's {@code Runnable}). Its
 * constructor starts nothing: threads, timers and listeners begin in {@link #start()}.
 */
public interface Component {

    /** Starts; throws when it cannot, leaving nothing of its own running. */
    void start();

    /** Stops what {@link #start()} started; called once, and only after a successful start. */
    void stop();

    /** The component that runs {@code start} and then {@code stop}. */
    static Component of(Runnable start, Runnable stop) {
        return new Component() {
            @Override
            public void start() {
                start.run();
            }

            @Override
            public void stop() {
                stop.run();
            }
        };
    }

    /** A step of the start-up with nothing to stop (a check, a file written once). */
    static Component step(Runnable start) {
        return of(start, () -> { });
    }
}
