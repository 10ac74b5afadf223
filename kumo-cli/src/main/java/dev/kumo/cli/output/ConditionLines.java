package dev.kumo.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code Conditions:} section of a describe block: {@code OK TYPE AGE REASON}, Ready first. */
public final class ConditionLines {

    private ConditionLines() {
    }

    /** The lines of the section (without the title); empty when the object has no conditions. */
    public static List<String> of(JsonNode object, Instant now) {
        List<JsonNode> conditions = Conditions.sorted(object);
        if (conditions.isEmpty()) {
            return List.of();
        }
        int width = Math.max(4, conditions.stream().mapToInt(c -> c.path("type").asText().length()).max()
                .orElse(0));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("OK %-" + width + "s %5s %s", "TYPE", "AGE", "REASON").stripTrailing());
        for (JsonNode condition : conditions) {
            String age = Age.since(condition.path("lastTransitionTime").asText(""), now);
            lines.add(String.format("%s %-" + width + "s %5s %s", symbol(condition), condition.path("type").asText(),
                    age, condition.path("reason").asText("")).stripTrailing());
        }
        return lines;
    }

    /** {@code ++} true, {@code !!} failed, {@code ??} unknown; {@code  W}/{@code  I} for non-blocking ones. */
    static String symbol(JsonNode condition) {
        return switch (condition.path("status").asText()) {
            case "True" -> "++";
            case "False" -> switch (condition.path("severity").asText("")) {
                case "Warning" -> " W";
                case "Info" -> " I";
                default -> "!!";
            };
            default -> "??";
        };
    }
}
