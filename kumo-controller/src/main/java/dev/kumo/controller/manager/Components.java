package dev.kumo.controller.manager;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One ordered list of components (controller-runtime's {@code Manager}): each is started after those before it;
 * {@link #stop()} stops them in reverse. When a start fails, the components already started are stopped, in
 * reverse, and the start's exception is rethrown unchanged (a failure while stopping them is added to it as
 * suppressed), so a caller never writes its own rollback. One thread starts; stopping follows the start.
 */
public final class Components implements AutoCloseable {

    private record Started(String name, Component component) {
    }

    private final Deque<Started> started = new ArrayDeque<>();

    /** Starts {@code component}, named {@code name} in errors; on failure stops every component started before. */
    public <C extends Component> C start(String name, C component) {
        try {
            component.start();
        } catch (RuntimeException e) {
            rollBack(e);
            throw e;
        }
        started.push(new Started(name, component));
        return component;
    }

    /**
     * Starts what {@code starting} returns already running (a static {@code start} factory's result), and closes
     * it on {@link #stop()}; on failure stops every component started before.
     */
    public <T extends AutoCloseable> T open(String name, Supplier<T> starting) {
        return open(name, starting, Components::close);
    }

    /**
     * Starts what {@code starting} returns already running, and hands it to {@code stop} on {@link #stop()}; on
     * failure stops every component started before.
     */
    public <T> T open(String name, Supplier<T> starting, Consumer<? super T> stop) {
        T running;
        try {
            running = starting.get();
        } catch (RuntimeException e) {
            rollBack(e);
            throw e;
        }
        started.push(new Started(name, Component.of(() -> { }, () -> stop.accept(running))));
        return running;
    }

    /** Computes a value the start-up needs (nothing to stop); on failure stops every component started before. */
    public <T> T value(String name, Supplier<T> step) {
        return open(name, step, running -> { });
    }

    /** Runs {@code step} as part of the start-up; on failure stops every component started before. */
    public void run(String name, Runnable step) {
        start(name, Component.step(step));
    }

    /**
     * Stops every started component, the last started first, each even if another failed; then throws the first
     * failure ("stopping NAME: …") with the others suppressed. Stopping again does nothing.
     */
    public void stop() {
        RuntimeException failure = stopAll();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void rollBack(RuntimeException cause) {
        RuntimeException failure = stopAll();
        if (failure != null) {
            cause.addSuppressed(failure);
        }
    }

    private RuntimeException stopAll() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            Started next = started.pop();
            try {
                next.component().stop();
            } catch (RuntimeException e) {
                IllegalStateException stopping = new IllegalStateException(
                        "stopping " + next.name() + ": " + e.getMessage(), e);
                if (failure == null) {
                    failure = stopping;
                } else {
                    failure.addSuppressed(stopping);
                }
            }
        }
        return failure;
    }

    private static void close(AutoCloseable running) {
        try {
            running.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
