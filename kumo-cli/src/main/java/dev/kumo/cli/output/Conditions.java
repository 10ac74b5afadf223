package dev.kumo.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Summaries of an object's {@code status.conditions} as kn shows them in lists. */
public final class Conditions {

    private Conditions() {
    }

    /** {@code 3 OK / 3}: how many conditions are True out of all. */
    public static String okOfTotal(JsonNode object) {
        List<JsonNode> all = all(object);
        long ok = all.stream().filter(c -> "True".equals(c.path("status").asText())).count();
        return ok + " OK / " + all.size();
    }

    /** The Ready condition's status ({@code True}, {@code False}, {@code Unknown}), or {@code <unknown>}. */
    public static String ready(JsonNode object) {
        return readyCondition(object).map(c -> c.path("status").asText("Unknown")).orElse("<unknown>");
    }

    /** Why the object is not Ready ({@code reason : message}); empty when Ready, {@code <unknown>} without one. */
    public static String notReadyReason(JsonNode object) {
        Optional<JsonNode> ready = readyCondition(object);
        if (ready.isEmpty()) {
            return "<unknown>";
        }
        if ("True".equals(ready.get().path("status").asText())) {
            return "";
        }
        String reason = ready.get().path("reason").asText("");
        String message = ready.get().path("message").asText("");
        return message.isEmpty() ? reason : reason + " : " + message;
    }

    /** The conditions, Ready first and the others by type. */
    public static List<JsonNode> sorted(JsonNode object) {
        List<JsonNode> conditions = new ArrayList<>(all(object));
        conditions.sort(Comparator.comparing((JsonNode c) -> !"Ready".equals(c.path("type").asText()))
                .thenComparing(c -> c.path("type").asText()));
        return conditions;
    }

    private static Optional<JsonNode> readyCondition(JsonNode object) {
        return all(object).stream().filter(c -> "Ready".equals(c.path("type").asText())).findFirst();
    }

    private static List<JsonNode> all(JsonNode object) {
        List<JsonNode> conditions = new ArrayList<>();
        object.path("status").path("conditions").forEach(conditions::add);
        return conditions;
    }
}
