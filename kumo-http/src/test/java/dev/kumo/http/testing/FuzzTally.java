package dev.kumo.http.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fuzz run's count: statuses seen, requests unanswered or answered 5xx, and the run's time budget. */
public final class FuzzTally {

    private final Duration budget;
    private final long started = System.nanoTime();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int cases;

    public FuzzTally(Duration budget) {
        this.budget = budget;
    }

    /** Counts one case; a status below 100 (no answer) or of 500 and above is a failure. */
    public void record(String request, int status, String detail) {
        cases++;
        statuses.merge(status, 1, Integer::sum);
        if (status < 100 || status >= 500) {
            failures.add((status < 0 ? "unanswered" : "answered " + status) + ": " + request
                    + (detail.isEmpty() ? "" : " → " + detail));
        }
    }

    public boolean withinBudget() {
        return System.nanoTime() - started < budget.toNanos();
    }

    public int cases() {
        return cases;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Cases, statuses and seconds, for the test's output. */
    public String summary() {
        return cases + " cases, statuses " + statuses + ", "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s";
    }
}
