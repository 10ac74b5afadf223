package dev.kumo.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What applying one object did, in kubectl's words. */
public enum ApplyOutcome {
    created,
    configured,
    unchanged;

    /**
     * Decides from the object before the apply (if it existed), whether the server created it, and the object
     * after: unchanged when the resourceVersion did not move.
     */
    public static ApplyOutcome of(Optional<JsonNode> before, boolean created, JsonNode after) {
        if (created || before.isEmpty()) {
            return created ? ApplyOutcome.created : configured;
        }
        String was = before.get().path("metadata").path("resourceVersion").asText("");
        String now = after.path("metadata").path("resourceVersion").asText("");
        return !was.isEmpty() && was.equals(now) ? unchanged : configured;
    }
}
