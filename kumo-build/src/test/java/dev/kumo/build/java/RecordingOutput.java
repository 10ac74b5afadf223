package dev.kumo.build.java;

import dev.kumo.build.spi.BuildOutput;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build's output kept for assertions: the steps in order and every line, each prefixed with its step. */
final class RecordingOutput implements BuildOutput {

    final List<String> steps = new CopyOnWriteArrayList<>();
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile boolean cancelled;

    @Override
    public void step(String name) {
        steps.add(name);
    }

    @Override
    public void line(String text) {
        lines.add((steps.isEmpty() ? "" : steps.getLast()) + ": " + text);
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }
}
