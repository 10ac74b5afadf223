package dev.kumo.runtime.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A probe with its timing; a zero period asks for the platform's aggressive polling (Knative's readiness default).
 */
public record ProbeSpec(Probe probe, Duration initialDelay, Duration period, Duration timeout, int failureThreshold) {

    public ProbeSpec {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(timeout, "timeout");
        if (initialDelay.isNegative() || period.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe delays must not be negative and the timeout must be positive");
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("probe failureThreshold must be at least 1, got " + failureThreshold);
        }
    }

    /** Knative's default readiness: TCP on the serving port, polled aggressively, 1 s timeout, 3 failures. */
    public static ProbeSpec defaultReadiness() {
        return new ProbeSpec(Probe.defaultTcp(), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), 3);
    }

    /** Kubernetes' defaults (no delay, every 10 s, 1 s timeout, 3 failures) for the given probe. */
    public static ProbeSpec of(Probe probe) {
        return new ProbeSpec(probe, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(1), 3);
    }

    /** This probe with another period. */
    public ProbeSpec withPeriod(Duration newPeriod) {
        return new ProbeSpec(probe, initialDelay, newPeriod, timeout, failureThreshold);
    }

    /** This probe with another initial delay. */
    public ProbeSpec withInitialDelay(Duration delay) {
        return new ProbeSpec(probe, delay, period, timeout, failureThreshold);
    }

    /** This probe with another failure threshold. */
    public ProbeSpec withFailureThreshold(int threshold) {
        return new ProbeSpec(probe, initialDelay, period, timeout, threshold);
    }
}
