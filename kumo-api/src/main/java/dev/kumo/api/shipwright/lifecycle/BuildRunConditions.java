package dev.kumo.api.shipwright.lifecycle;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.shipwright.BuildRunStatus;
import dev.kumo.api.shipwright.BuildSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The named transitions of a BuildRun's status, with Shipwright's reasons: Succeeded {@code Unknown} (Pending,
 * Running) → {@code True} (Succeeded) or {@code False} (Failed, BuildRunCanceled, BuildRunTimeout, BuildNotFound…).
 */
public final class BuildRunConditions {

    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String CANCELED = "BuildRunCanceled";
    public static final String TIMEOUT = "BuildRunTimeout";
    public static final String BUILD_NOT_FOUND = "BuildNotFound";

    private BuildRunConditions() {
    }

    /** Waiting for a slot on the build executor. */
    public static BuildRunStatus markPending(BuildRunStatus status, Instant now) {
        return with(status, condition("Unknown", PENDING, "waiting to run"), now);
    }

    /** Started at {@code now}, running {@code spec}. */
    public static BuildRunStatus markRunning(BuildRunStatus status, Instant now, BuildSpec spec) {
        BuildRunStatus running = new BuildRunStatus(status.conditions(), status.output(), timestamp(now), null, spec,
                null);
        return with(running, condition("Unknown", RUNNING, "the strategy is building"), now);
    }

    /** Built the image with {@code digest}. */
    public static BuildRunStatus markSucceeded(BuildRunStatus status, Instant now, String digest, long size) {
        BuildRunStatus done = new BuildRunStatus(status.conditions(), new BuildRunStatus.Output(digest, size),
                status.startTime(), timestamp(now), status.buildSpec(), null);
        return with(done, condition("True", SUCCEEDED, "All Steps have completed executing"), now);
    }

    /** Ended False with {@code reason}; {@code step} (when known) failed, {@code message} says how. */
    public static BuildRunStatus markFailed(BuildRunStatus status, Instant now, String reason, String message,
            String step) {
        BuildRunStatus.FailureDetails details = new BuildRunStatus.FailureDetails(reason, message,
                step == null ? null : new BuildRunStatus.Location(null, "step-" + step));
        BuildRunStatus failed = new BuildRunStatus(status.conditions(), null, status.startTime(), timestamp(now),
                status.buildSpec(), details);
        return with(failed, condition("False", reason, message), now);
    }

    private static Condition condition(String status, String reason, String message) {
        return Condition.of(BuildRunStatus.SUCCEEDED, status, reason, message);
    }

    /** Sets the Succeeded condition; its transition time moves only when its status does. */
    private static BuildRunStatus with(BuildRunStatus status, Condition wanted, Instant now) {
        String since = status.succeeded().filter(c -> wanted.status().equals(c.status()))
                .map(Condition::lastTransitionTime).orElse(timestamp(now));
        Condition stamped = new Condition(wanted.type(), wanted.status(), null, since, wanted.reason(),
                wanted.message());
        List<Condition> conditions = new ArrayList<>(status.conditions().stream()
                .filter(c -> !BuildRunStatus.SUCCEEDED.equals(c.type())).toList());
        conditions.add(stamped);
        return new BuildRunStatus(conditions, status.output(), status.startTime(), status.completionTime(),
                status.buildSpec(), status.failureDetails());
    }

    private static String timestamp(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
