package dev.kumo.bench;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One way a benchmark workload starts cold: the Service Kumo runs it as (created at zero, given its name), what to
 * wait for once such Services are Ready before they are called (a container's warm pod), and the starts without
 * Kumo it is compared with, the first being the one Kumo's overhead is computed against. A workload row has one
 * variant per runtime that can run it: a host process (compared with its command spawned directly) or a container
 * from its image (compared with {@code podman start} of a pre-created container and {@code podman run}).
 */
record ColdStartVariant(String label, UnaryOperator<String> serviceAtZero, AtZero atZero, List<Baseline> baselines) {

    ColdStartVariant {
        baselines = List.copyOf(baselines);
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException("variant " + label + " needs a baseline to be compared with");
        }
    }

    /** A variant whose Services are ready to be woken once Ready (a host process: nothing is made ahead). */
    ColdStartVariant(String label, UnaryOperator<String> serviceAtZero, List<Baseline> baselines) {
        this(label, serviceAtZero, revisions -> { }, baselines);
    }

    /** A start without Kumo, {@code count} at once: spawn → accepting, and → first response, of each. */
    interface Baseline {

        /** How the row names it: "spawn → accepting, direct (poll-connect 1 ms)". */
        String label();

        List<DirectStart.Start> startTogether(int count) throws Exception;
    }

    /** Waits until Kumo has made ahead what a cold start of each of these Revisions (Ready, at zero) may use. */
    interface AtZero {

        void await(List<String> revisions) throws Exception;
    }
}
