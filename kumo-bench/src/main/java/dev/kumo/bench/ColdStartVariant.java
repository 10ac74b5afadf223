package dev.kumo.bench;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One way a benchmark workload starts cold: the Service Kumo runs it as (created at zero, given its name) and the
 * starts without Kumo it is compared with, the first being the one Kumo's overhead is computed against. A workload
 * row has one variant per runtime that can run it (a host process today; a container from its image next, with
 * {@code podman start} of a pre-created container and {@code podman run} as its baselines).
 */
record ColdStartVariant(String label, UnaryOperator<String> serviceAtZero, List<Baseline> baselines) {

    ColdStartVariant {
        baselines = List.copyOf(baselines);
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException("variant " + label + " needs a baseline to be compared with");
        }
    }

    /** A start without Kumo, {@code count} at once: spawn → accepting, and → first response, of each. */
    interface Baseline {

        /** How the row names it: "spawn → accepting, direct (poll-connect 1 ms)". */
        String label();

        List<DirectStart.Start> startTogether(int count) throws Exception;
    }
}
