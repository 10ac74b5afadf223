package dev.kumo.cli.revision;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The traffic Services give their revisions, read from each Service's {@code status.traffic}. */
public final class Traffic {

    /** Where a revision gets its traffic from: a Service in a namespace. */
    private record Key(String namespace, String revision) {
    }

    private final Map<Key, Long> percents = new HashMap<>();
    private final Map<Key, List<String>> tags = new HashMap<>();

    /** Collects the traffic of every Service in the list's items. */
    public static Traffic of(List<JsonNode> services) {
        Traffic traffic = new Traffic();
        for (JsonNode service : services) {
            String namespace = service.path("metadata").path("namespace").asText();
            for (JsonNode target : service.path("status").path("traffic")) {
                String revision = target.path("revisionName").asText("");
                if (revision.isEmpty()) {
                    continue;
                }
                Key key = new Key(namespace, revision);
                traffic.percents.merge(key, target.path("percent").asLong(0), Long::sum);
                String tag = target.path("tag").asText("");
                if (!tag.isEmpty()) {
                    traffic.tags.computeIfAbsent(key, k -> new ArrayList<>()).add(tag);
                }
            }
        }
        return traffic;
    }

    /** {@code 100%}, or empty when the revision gets no traffic. */
    public String percent(String namespace, String revision) {
        long percent = percents.getOrDefault(new Key(namespace, revision), 0L);
        return percent == 0 ? "" : percent + "%";
    }

    /** The revision's tags, comma-separated. */
    public String tags(String namespace, String revision) {
        return String.join(",", tags.getOrDefault(new Key(namespace, revision), List.of()));
    }
}
