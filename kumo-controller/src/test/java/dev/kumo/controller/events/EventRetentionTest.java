package dev.kumo.controller.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRetentionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static ObjectNode event(String namespace, String name, String lastSeen) {
        ObjectNode event = Json.object().put("lastTimestamp", lastSeen);
        event.putObject("metadata").put("namespace", namespace).put("name", name);
        return event;
    }

    private static List<String> names(List<ObjectNode> events) {
        return events.stream().map(e -> e.path("metadata").path("name").asText()).toList();
    }

    @Test
    void eventsLastSeenLongerAgoThanTheTtlGo() {
        EventRetention retention = new EventRetention(100, Duration.ofHours(1));
        List<ObjectNode> events = List.of(event("a", "fresh", "2026-01-01T11:30:00Z"),
                event("a", "old", "2026-01-01T10:59:59Z"), event("a", "exactly", "2026-01-01T11:00:00Z"));
        assertThat(names(retention.expired(events, NOW))).containsExactlyInAnyOrder("old", "exactly");
    }

    @Test
    void beyondTheBoundTheLeastRecentlySeenOfANamespaceGo() {
        EventRetention retention = new EventRetention(2, Duration.ofHours(1));
        List<ObjectNode> events = List.of(event("a", "a1", "2026-01-01T11:10:00Z"),
                event("a", "a3", "2026-01-01T11:30:00Z"), event("a", "a2", "2026-01-01T11:20:00Z"),
                event("b", "b1", "2026-01-01T11:00:30Z"));
        assertThat(names(retention.expired(events, NOW))).containsExactly("a1");
    }

    @Test
    void theLatestTimestampCountsAndTheCreationAtLeast() {
        ObjectNode series = event("a", "series", "2026-01-01T10:00:00Z");
        series.putObject("series").put("lastObservedTime", "2026-01-01T11:59:00.000000Z");
        ObjectNode bare = Json.object();
        bare.putObject("metadata").put("namespace", "a").put("name", "bare")
                .put("creationTimestamp", "2026-01-01T11:59:00Z");
        assertThat(new EventRetention(10, Duration.ofHours(1)).expired(List.of(series, bare), NOW)).isEmpty();
    }
}
