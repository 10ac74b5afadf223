package dev.kumo.cli.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A trace as text: each span under its parent, indented two spaces a level, with its offset from the trace's start,
 * its duration and a bar placing it on the trace's time line; failed spans are marked. Spans whose parent is not in
 * the trace (the root, or one whose parent another process recorded) start at the left.
 */
final class Waterfall {

    static final int BAR_WIDTH = 40;

    private Waterfall() {
    }

    /** Renders a {@code Trace} document ({@code GET /debug/traces/ID}). */
    static String render(JsonNode trace) {
        List<JsonNode> spans = new ArrayList<>();
        trace.path("spans").forEach(spans::add);
        Set<String> ids = new LinkedHashSet<>();
        Map<String, List<JsonNode>> children = new HashMap<>();
        for (JsonNode span : spans) {
            ids.add(span.path("spanId").asText());
        }
        List<JsonNode> roots = new ArrayList<>();
        for (JsonNode span : spans) {
            String parent = span.path("parentSpanId").asText();
            if (ids.contains(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(span);
            } else {
                roots.add(span);
            }
        }
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (JsonNode span : spans) {
            long at = micros(span.path("start").asText());
            start = Math.min(start, at);
            end = Math.max(end, at + span.path("durationMicros").asLong());
        }
        long total = Math.max(1, end - start);
        List<String[]> rows = new ArrayList<>();
        for (JsonNode root : roots) {
            walk(root, 0, start, total, children, rows);
        }
        int nameWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(4);
        StringBuilder out = new StringBuilder("Trace " + trace.path("traceId").asText() + ": " + spans.size()
                + " spans, " + millis(spans.isEmpty() ? 0 : total) + "\n\n");
        out.append(String.format("%-" + nameWidth + "s  %10s  %10s  %s%n", "SPAN", "START", "DURATION", "TIMELINE"));
        for (String[] row : rows) {
            out.append(String.format("%-" + nameWidth + "s  %10s  %10s  %s%n", (Object[]) row));
        }
        return out.toString();
    }

    /** Microseconds as {@code 1.234 ms}. */
    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
    }

    private static void walk(JsonNode span, int depth, long start, long total, Map<String, List<JsonNode>> children,
            List<String[]> rows) {
        long offset = micros(span.path("start").asText()) - start;
        long duration = span.path("durationMicros").asLong();
        String name = "  ".repeat(depth) + span.path("name").asText()
                + (span.path("status").asText().equals("ERROR") ? " (error)" : "");
        rows.add(new String[] {name, millis(offset), millis(duration), bar(offset, duration, total)});
        for (JsonNode child : children.getOrDefault(span.path("spanId").asText(), List.of())) {
            walk(child, depth + 1, start, total, children, rows);
        }
    }

    private static String bar(long offset, long duration, long total) {
        int from = (int) Math.min(BAR_WIDTH - 1, offset * BAR_WIDTH / total);
        int length = (int) Math.max(1, Math.min(BAR_WIDTH - from, duration * BAR_WIDTH / total));
        return "|" + " ".repeat(from) + "#".repeat(length) + " ".repeat(BAR_WIDTH - from - length) + "|";
    }

    private static long micros(String time) {
        Instant instant = Instant.parse(time);
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
