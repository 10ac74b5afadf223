package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.cli.output.Age;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The Events section of a describe, as kubectl's reads: the most recent first, each {@code TYPE  REASON  AGE  OBJECT
 * MESSAGE}, the age written {@code 5s (x3 over 2m)} for an Event seen more than once.
 */
final class EventLines {

    /** How many Events a describe shows. */
    static final int MOST_RECENT = 10;

    private EventLines() {
    }

    static List<String> of(List<JsonNode> events, Instant now) {
        List<JsonNode> recent = events.stream()
                .sorted(Comparator.comparing((JsonNode e) -> lastSeen(e)).reversed())
                .limit(MOST_RECENT).toList();
        if (recent.isEmpty()) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TYPE", "REASON", "AGE", "OBJECT", "MESSAGE"});
        for (JsonNode event : recent) {
            JsonNode about = event.path("involvedObject");
            rows.add(new String[] {event.path("type").asText(""), event.path("reason").asText(""), age(event, now),
                    about.path("kind").asText("").toLowerCase(Locale.ROOT) + "/" + about.path("name").asText(""),
                    event.path("message").asText("").lines().findFirst().orElse("")});
        }
        int[] widths = new int[4];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        return rows.stream().map(row -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format("%-" + (widths[i] + 3) + "s", row[i]));
            }
            return line.append(row[4]).toString().stripTrailing();
        }).toList();
    }

    private static String age(JsonNode event, Instant now) {
        String last = Age.since(lastSeenText(event), now);
        int count = event.path("count").asInt(1);
        return count > 1 ? last + " (x" + count + " over " + Age.since(event.path("firstTimestamp").asText(
                lastSeenText(event)), now) + ")" : last;
    }

    private static String lastSeenText(JsonNode event) {
        String last = event.path("lastTimestamp").asText("");
        return last.isEmpty() ? event.path("eventTime").asText(event.path("metadata").path("creationTimestamp")
                .asText("")) : last;
    }

    private static Instant lastSeen(JsonNode event) {
        return Age.parse(lastSeenText(event)).orElse(Instant.EPOCH);
    }
}
