package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.RevisionLogs;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers a Revision declares, for {@code log?container=}: the serving one is the one with a port (the only
 * one, or the first, when none declares a port); an unnamed container is Knative's {@code user-container}.
 */
final class RevisionContainers {

    private static final String DEFAULT_NAME = "user-container";

    private RevisionContainers() {
    }

    /** The container {@code name} of {@code revision}, or a 400 naming the containers there are. */
    static RevisionLogs.Container named(ObjectNode revision, String name) {
        JsonNode containers = revision.path("spec").path("containers");
        List<String> names = new ArrayList<>();
        int serving = -1;
        for (int i = 0; i < containers.size(); i++) {
            JsonNode container = containers.get(i);
            names.add(container.path("name").asText("").isEmpty() ? DEFAULT_NAME : container.path("name").asText());
            if (!container.path("ports").isEmpty() && serving < 0) {
                serving = i;
            }
        }
        if (names.isEmpty()) {
            names.add(DEFAULT_NAME);
        }
        int index = names.indexOf(name);
        if (index < 0) {
            throw ApiException.badRequest("container: Invalid value: \"" + name + "\": revision \""
                    + revision.path("metadata").path("name").asText() + "\" has the containers " + names
                    + "; name one of them");
        }
        List<String> sidecars = new ArrayList<>(names);
        sidecars.remove(Math.max(0, serving));
        return new RevisionLogs.Container(name, sidecars);
    }
}
