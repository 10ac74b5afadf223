package dev.kumo.serving.warmup;

import java.time.Duration;

/**
 * What the start-up warm-up did: {@code rounds} synthetic cold starts, finished {@code wall} after it began, the
 * server's process CPU over that time ({@code cpu}, the warm-up's and anything else the process did), and why it
 * stopped ({@code stoppedBy}: {@code "rounds"}, {@code "cpu"}, {@code "time"}, {@code "closed"}, {@code "interrupt"}
 * or {@code "failure: …"}).
 */
public record WarmupReport(int rounds, Duration wall, Duration cpu, String stoppedBy) {

    /** One line for the server's output. */
    public String line() {
        return String.format("%d rounds in %d ms, %d ms of CPU (stopped by %s)", rounds, wall.toMillis(),
                cpu.toMillis(), stoppedBy);
    }
}
