package dev.kumo.serving.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.autoscaler.metrics.RevisionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each Revision's recent activity, in memory: its requests of each of the last {@link #WINDOW_SECONDS} seconds (as
 * the router's per-second load samples count them) and its cold starts (a count, and the last {@link #KEPT_COLD_STARTS}
 * with their split into the workload's own start and the platform's share), of the Revisions it was told to
 * {@link #track}: a sample or cold start of any other (one forgotten, reported late) is dropped, so a deleted
 * Revision stays gone. Pure: time comes as an argument. Thread-safe (samples arrive on router threads, documents are read on API workers).
 */
public final class RecentActivity {

    /** The seconds of requests kept per Revision (the dashboard's chart spans three minutes). */
    public static final int WINDOW_SECONDS = 180;
    /** The cold starts kept per Revision, newest last. */
    public static final int KEPT_COLD_STARTS = 10;
    /** The seconds the current rate is the mean of. */
    static final int RATE_SECONDS = 5;
    static final String API_VERSION = "serving.kumo.dev/v1alpha1";

    /**
     * One cold start: the router's request → response head at zero ({@code total}), of which {@code workload} was the
     * instance's own start (exec → ready) and the rest the platform's; {@code workload} is empty when no start of
     * the Revision's instances was seen.
     */
    public record ColdStart(Instant at, Duration total, Optional<Duration> workload) {

        /** The platform's share: the cold start less the workload's start, at least zero. */
        Optional<Duration> platform() {
            return workload.map(w -> total.minus(w).isNegative() ? Duration.ZERO : total.minus(w));
        }
    }

    private static final class Revision {
        private final long[] seconds = new long[WINDOW_SECONDS];
        private final long[] requests = new long[WINDOW_SECONDS];
        private final Deque<ColdStart> coldStarts = new ArrayDeque<>();
        private long coldStartCount;
    }

    private final Map<RevisionId, Revision> revisions = new ConcurrentHashMap<>();

    /** Starts keeping {@code revision}'s activity (a second call keeps what was kept). */
    public void track(RevisionId revision) {
        revisions.computeIfAbsent(revision, r -> new Revision());
    }

    /** {@code revision} had {@code requests} arrive in the second {@code epochSecond}; dropped unless tracked. */
    public void load(RevisionId revision, long epochSecond, long requests) {
        Revision kept = revisions.get(revision);
        if (kept == null) {
            return;
        }
        synchronized (kept) {
            int slot = slot(epochSecond);
            if (kept.seconds[slot] != epochSecond) {
                kept.seconds[slot] = epochSecond;
                kept.requests[slot] = 0;
            }
            kept.requests[slot] += requests;
        }
    }

    /** {@code revision} had a cold start; dropped unless tracked. */
    public void coldStart(RevisionId revision, ColdStart coldStart) {
        Revision kept = revisions.get(revision);
        if (kept == null) {
            return;
        }
        synchronized (kept) {
            kept.coldStartCount++;
            kept.coldStarts.addLast(coldStart);
            while (kept.coldStarts.size() > KEPT_COLD_STARTS) {
                kept.coldStarts.removeFirst();
            }
        }
    }

    /** Forgets a Revision that is no longer scaled; what arrives for it later is dropped. */
    public void forget(RevisionId revision) {
        revisions.remove(revision);
    }

    /**
     * The {@code RevisionActivity} document at {@code now}, of the Revisions in {@code namespace} (every namespace
     * when empty), sorted by namespace and name: per Revision {@code requests} (one count per second, oldest first,
     * the last one the second before now), {@code requestsPerSecond} (the mean of the {@value #RATE_SECONDS}
     * complete seconds before that one, which may still be counting) and {@code coldStarts} ({@code count}, and
     * {@code recent}: each with {@code at}, {@code seconds}, {@code workloadSeconds}, {@code platformSeconds}).
     */
    public JsonNode document(Optional<String> namespace, Instant now) {
        long last = now.getEpochSecond() - 1;
        ObjectNode document = Json.object().put("apiVersion", API_VERSION).put("kind", "RevisionActivity");
        document.put("windowSeconds", WINDOW_SECONDS).put("lastSecond", last);
        namespace.ifPresent(ns -> document.put("namespace", ns));
        ArrayNode items = document.putArray("items");
        List<Map.Entry<RevisionId, Revision>> shown = revisions.entrySet().stream()
                .filter(e -> namespace.map(e.getKey().namespace()::equals).orElse(true))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(RevisionId::namespace)
                        .thenComparing(RevisionId::name))).toList();
        for (Map.Entry<RevisionId, Revision> entry : shown) {
            item(items.addObject(), entry.getKey(), entry.getValue(), last);
        }
        return document;
    }

    private static void item(ObjectNode item, RevisionId id, Revision kept, long last) {
        item.put("namespace", id.namespace()).put("revision", id.name());
        ArrayNode series = item.putArray("requests");
        long recent = 0;
        synchronized (kept) {
            for (long second = last - WINDOW_SECONDS + 1; second <= last; second++) {
                int slot = slot(second);
                long count = kept.seconds[slot] == second ? kept.requests[slot] : 0;
                series.add(count);
                if (second < last && second >= last - RATE_SECONDS) {
                    recent += count;
                }
            }
            item.put("requestsPerSecond", (double) recent / RATE_SECONDS);
            ObjectNode coldStarts = item.putObject("coldStarts").put("count", kept.coldStartCount);
            ArrayNode list = coldStarts.putArray("recent");
            for (ColdStart coldStart : kept.coldStarts) {
                ObjectNode one = list.addObject().put("at", coldStart.at().toString())
                        .put("seconds", seconds(coldStart.total()));
                coldStart.workload().ifPresent(w -> one.put("workloadSeconds", seconds(w)));
                coldStart.platform().ifPresent(p -> one.put("platformSeconds", seconds(p)));
            }
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static int slot(long epochSecond) {
        return (int) Math.floorMod(epochSecond, (long) WINDOW_SECONDS);
    }
}
