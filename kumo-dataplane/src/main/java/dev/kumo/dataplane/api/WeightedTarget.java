package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.RevisionId;
import java.util.Objects;

/** One traffic target of a host: a revision and the percent of requests it receives (0–100). */
public record WeightedTarget(RevisionId revision, int percent) {

    public WeightedTarget {
        Objects.requireNonNull(revision, "revision");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent of " + revision + " is " + percent + ", want 0–100");
        }
    }
}
