package dev.kumo.build.spi;

/** Where a strategy reports while it builds: the BuildRun's log and its current step. */
public interface BuildOutput {

    /** A new step starts, e.g. {@code build-and-push} or {@code compile}; later lines belong to it. */
    void step(String name);

    /** One line of the build's output. */
    void line(String text);

    /** True once the run was cancelled: a strategy stops its work (and its child processes) soon after. */
    boolean cancelled();
}
