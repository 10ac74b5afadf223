package dev.kumo.serving.warmup;

import java.time.Duration;
import java.util.Optional;

/** Whether the warm-up may run another round (pure: the counts and times are arguments). */
final class WarmupBudget {

    private final WarmupSettings settings;

    WarmupBudget(WarmupSettings settings) {
        this.settings = settings;
    }

    /** Why the warm-up stops after {@code rounds} rounds, {@code cpu} and {@code wall} spent; empty: go on. */
    Optional<String> stop(int rounds, Duration cpu, Duration wall) {
        if (rounds >= settings.rounds()) {
            return Optional.of("rounds");
        }
        if (cpu.compareTo(settings.maxCpu()) >= 0) {
            return Optional.of("cpu");
        }
        if (wall.compareTo(settings.maxWall()) >= 0) {
            return Optional.of("time");
        }
        return Optional.empty();
    }

    /** Whether user traffic seen {@code sinceUserTraffic} ago still makes the warm-up wait. */
    boolean yields(Duration sinceUserTraffic) {
        return sinceUserTraffic.compareTo(settings.quietAfterUserTraffic()) < 0;
    }
}
