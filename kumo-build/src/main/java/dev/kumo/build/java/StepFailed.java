package dev.kumo.build.java;

import dev.kumo.build.spi.BuildOutcome;
import java.util.List;

/** A step of a Java build that failed on the build's own terms; {@link JavaStrategy} turns it into its outcome. */
public final class StepFailed extends RuntimeException {

    private final transient BuildOutcome.Failed outcome;

    public StepFailed(String step, String reason, List<String> logTail) {
        super(step + ": " + reason, null, false, false);
        this.outcome = new BuildOutcome.Failed(step, reason, logTail);
    }

    public BuildOutcome.Failed outcome() {
        return outcome;
    }
}
