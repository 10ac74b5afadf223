package dev.kumo.build.java;

import dev.kumo.build.spi.BuildOutput;

/** A build's output that ends each step with a line saying how long it took. */
public final class TimedOutput implements BuildOutput {

    private final BuildOutput output;
    private String step;
    private long stepStarted;

    public TimedOutput(BuildOutput output) {
        this.output = output;
    }

    @Override
    public void step(String name) {
        end();
        step = name;
        stepStarted = System.nanoTime();
        output.step(name);
    }

    @Override
    public void line(String text) {
        output.line(text);
    }

    @Override
    public boolean cancelled() {
        return output.cancelled();
    }

    /** Reports how long the current step took. */
    public void end() {
        if (step != null) {
            output.line(step + " done in " + (System.nanoTime() - stepStarted) / 1_000_000 + " ms");
            step = null;
        }
    }
}
