package dev.kumo.controller.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.events.EventTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How long Events are kept, pure: each for {@code ttl} after it was last seen (Kubernetes' {@code --event-ttl},
 * 1 h by default) and at most {@code maxPerNamespace} per namespace, the least recently seen going first.
 */
public record EventRetention(int maxPerNamespace, Duration ttl) {

    public static final EventRetention DEFAULTS = new EventRetention(1000, Duration.ofHours(1));

    public EventRetention {
        if (maxPerNamespace < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("want maxPerNamespace >= 1 and a positive ttl, got "
                    + maxPerNamespace + " and " + ttl);
        }
    }

    /** The Events of {@code events} (core v1 trees) to delete at {@code now}. */
    public <T extends JsonNode> List<T> expired(List<T> events, Instant now) {
        List<T> out = new ArrayList<>();
        Map<String, List<T>> byNamespace = events.stream()
                .collect(Collectors.groupingBy(e -> e.path("metadata").path("namespace").asText("")));
        byNamespace.values().forEach(inNamespace -> {
            List<T> newestFirst = inNamespace.stream()
                    .sorted(Comparator.comparing(EventRetention::lastSeen).reversed()).toList();
            for (int i = 0; i < newestFirst.size(); i++) {
                T event = newestFirst.get(i);
                if (i >= maxPerNamespace || !lastSeen(event).plus(ttl).isAfter(now)) {
                    out.add(event);
                }
            }
        });
        return out;
    }

    /** When an Event was last seen: the latest of its own timestamps, else its creation. */
    static Instant lastSeen(JsonNode event) {
        return Stream.of(event.path("lastTimestamp"), event.path("series").path("lastObservedTime"),
                        event.path("eventTime"))
                .map(node -> EventTimes.parse(node.asText("")))
                .flatMap(java.util.Optional::stream)
                .max(Comparator.naturalOrder())
                .or(() -> EventTimes.parse(event.path("metadata").path("creationTimestamp").asText("")))
                .orElse(Instant.EPOCH);
    }
}
