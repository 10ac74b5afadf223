package dev.kumo.serving.warmup;

import java.time.Duration;

/**
 * How much the start-up warm-up may do: at most {@code rounds} synthetic cold starts, stopping earlier once the
 * server's process has used {@code maxCpu} since the warm-up began or {@code maxWall} has passed; it waits while user
 * traffic reached the router within {@code quietAfterUserTraffic}.
 */
public record WarmupSettings(int rounds, Duration maxCpu, Duration maxWall, Duration quietAfterUserTraffic) {

    /**
     * 300 rounds (the JIT compiles a method after ~200 calls; every round calls the path once), at most 2 s of CPU
     * and 30 s after it began, yielding for 1 s after each sign of user traffic.
     */
    public static final WarmupSettings DEFAULTS = new WarmupSettings(300, Duration.ofSeconds(2),
            Duration.ofSeconds(30), Duration.ofSeconds(1));

    public WarmupSettings {
        if (rounds < 0) {
            throw new IllegalArgumentException("warm-up rounds is " + rounds + ", want >= 0");
        }
        if (maxCpu.isNegative() || maxWall.isNegative() || quietAfterUserTraffic.isNegative()) {
            throw new IllegalArgumentException("warm-up durations must not be negative: " + maxCpu + ", " + maxWall
                    + ", " + quietAfterUserTraffic);
        }
    }

    /** These settings with another round count. */
    public WarmupSettings withRounds(int value) {
        return new WarmupSettings(value, maxCpu, maxWall, quietAfterUserTraffic);
    }
}
