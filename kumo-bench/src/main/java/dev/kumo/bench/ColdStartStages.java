package dev.kumo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cold start's time goes: the stages the server logs with {@code KUMO_COLDSTART_LOG=DEBUG} (kumo-runtime's
 * {@code ColdStartStages}, monotonic nanoseconds) and the client's send and answer, lined up per revision; printed
 * as the median of each stage's time since the stage before it and since the request was sent.
 */
final class ColdStartStages {

    /** The stages in the order a cold start passes them; the server's between the client's two. */
    static final List<String> ORDER = List.of("sent", "arrived", "held", "demanded", "deciding", "decided",
            "ensuring", "starting", "exec", "exec-unprepared", "exec-sent", "supervising", "starting-published", "watching", "accepted", "ready", "woken",
            "released", "connected", "response", "answered", "recorded");

    private static final Pattern LINE = Pattern.compile("cold-start (\\S+) (\\S+) (\\d+)$");

    private static final int SHOWN = 10;

    private final Map<String, Map<String, Long>> clientTimes = new ConcurrentHashMap<>();

    /** Whether the server was asked to log its stages (the variable is inherited by the server the bench starts). */
    static boolean on() {
        return "DEBUG".equalsIgnoreCase(System.getenv().getOrDefault("KUMO_COLDSTART_LOG", ""));
    }

    /** The client sent its request to revision {@code namespace/name} at {@code sent}, answered at {@code answered}. */
    void client(String revision, long sent, long answered) {
        clientTimes.put(revision, Map.of("sent", sent, "answered", answered));
    }

    /** Prints the medians over {@code revisions} (namespace/name), from the server's log {@code serverLog}. */
    void print(Path serverLog, Collection<String> revisions) throws IOException {
        Map<String, Map<String, Long>> stages = new HashMap<>();
        for (String line : Files.readAllLines(serverLog)) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.find() && revisions.contains(matcher.group(1))) {
                stages.computeIfAbsent(matcher.group(1), r -> new HashMap<>())
                        .putIfAbsent(matcher.group(2), Long.parseLong(matcher.group(3)));
            }
        }
        revisions.forEach(revision -> Optional.ofNullable(clientTimes.get(revision))
                .ifPresent(times -> stages.computeIfAbsent(revision, r -> new HashMap<>()).putAll(times)));
        List<Map<String, Long>> samples = stages.values().stream().filter(one -> one.containsKey("sent")).toList();
        System.out.printf("  where the time goes (KUMO_COLDSTART_LOG=DEBUG): ms since the stage before, median over %d "
                + "cold starts, then each (at most %d); \"since sent\" is the median of each stage's time since the "
                + "request was sent%n", samples.size(), SHOWN);
        Map<String, Latencies> step = new LinkedHashMap<>();
        Map<String, Latencies> total = new LinkedHashMap<>();
        List<Map<String, Long>> steps = new ArrayList<>();
        for (Map<String, Long> one : samples) {
            Map<String, Long> mine = new HashMap<>();
            Optional<Long> prior = Optional.empty();
            long sent = one.get("sent");
            for (String stage : ORDER) {
                Long at = one.get(stage);
                if (at == null) {
                    continue;
                }
                if (prior.isPresent()) {
                    step.computeIfAbsent(stage, s -> new Latencies(samples.size())).record(at - prior.get());
                    mine.put(stage, at - prior.get());
                }
                total.computeIfAbsent(stage, s -> new Latencies(samples.size())).record(at - sent);
                prior = Optional.of(at);
            }
            steps.add(mine);
        }
        StringBuilder header = new StringBuilder(String.format("  %-16s %7s %7s |", "stage", "step", "since"));
        for (int i = 0; i < Math.min(SHOWN, steps.size()); i++) {
            header.append(String.format(" %6s", "#" + (i + 1)));
        }
        System.out.println(header);
        for (String stage : ORDER) {
            if (!total.containsKey(stage)) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format("  %-16s %7s %7s |", stage, millis(step.get(stage)),
                    millis(total.get(stage))));
            for (int i = 0; i < Math.min(SHOWN, steps.size()); i++) {
                Long nanos = steps.get(i).get(stage);
                row.append(String.format(" %6s", nanos == null ? "" : String.format("%.2f", nanos / 1e6)));
            }
            System.out.println(row);
        }
    }

    private static String millis(Latencies latencies) {
        return latencies == null ? "" : String.format("%.2f", latencies.percentileMillis(50));
    }

    static List<String> revisionsOf(String prefix, int runs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            names.add("default/" + prefix + "-" + i + "-0-00001"); // together() names its one Service NAME-0
        }
        return names;
    }
}
