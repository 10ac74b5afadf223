package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The revisions a Service's describe shows, as kn picks them: every traffic target of {@code status.traffic},
 * then the latest created and latest ready revisions if no target names them.
 */
final class TrafficRevisions {

    private TrafficRevisions() {
    }

    /**
     * One revision to describe.
     *
     * @param name the revision's name
     * @param percent its share of the traffic (0 when none)
     * @param tag its traffic tag, or empty
     * @param latest whether the target follows the latest ready revision ({@code latestRevision: true})
     */
    record Target(String name, long percent, String tag, boolean latest) {
    }

    static List<Target> of(JsonNode service) {
        JsonNode status = service.path("status");
        List<Target> targets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode traffic : status.path("traffic")) {
            String name = traffic.path("revisionName").asText("");
            if (name.isEmpty()) {
                name = status.path("latestReadyRevisionName").asText("");
            }
            if (name.isEmpty()) {
                continue;
            }
            seen.add(name);
            targets.add(new Target(name, traffic.path("percent").asLong(0), traffic.path("tag").asText(""),
                    traffic.path("latestRevision").asBoolean(false)));
        }
        for (String field : List.of("latestCreatedRevisionName", "latestReadyRevisionName")) {
            String name = status.path(field).asText("");
            if (!name.isEmpty() && seen.add(name)) {
                targets.add(new Target(name, 0, "", false));
            }
        }
        return targets;
    }
}
