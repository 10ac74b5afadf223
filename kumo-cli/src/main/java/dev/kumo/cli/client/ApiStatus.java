package dev.kumo.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes {@code kind: Status} failure as the server sent it.
 *
 * @param code the HTTP code
 * @param reason e.g. {@code NotFound}, {@code Invalid}; empty when the server sent none
 * @param message the human message
 * @param kind {@code details.kind}, e.g. {@code services} or {@code Service}; empty when absent
 * @param name {@code details.name}; empty when absent
 * @param causes {@code details.causes}
 */
public record ApiStatus(int code, String reason, String message, String kind, String name, List<Cause> causes) {

    /** One field cause of an {@code Invalid} status. */
    public record Cause(String field, String message) {
    }

    public ApiStatus {
        causes = List.copyOf(causes);
    }

    /** Reads a Status body; a body that is not one still gives a status naming the code and what was asked. */
    public static ApiStatus parse(int code, String body, String request) {
        Optional<ObjectNode> status = parseObject(body).filter(o -> "Status".equals(o.path("kind").asText()));
        if (status.isEmpty()) {
            return new ApiStatus(code, "", "the server answered " + code + " to " + request
                    + (body.isBlank() ? "" : ": " + firstLine(body)), "", "", List.of());
        }
        ObjectNode node = status.get();
        JsonNode details = node.path("details");
        List<Cause> causes = new ArrayList<>();
        for (JsonNode cause : details.path("causes")) {
            causes.add(new Cause(cause.path("field").asText(""), cause.path("message").asText("")));
        }
        String message = node.path("message").asText("");
        return new ApiStatus(code, node.path("reason").asText(""),
                message.isEmpty() ? "the server answered " + code + " to " + request : message,
                details.path("kind").asText(""), details.path("name").asText(""), causes);
    }

    public boolean isNotFound() {
        return code == 404;
    }

    private static Optional<ObjectNode> parseObject(String body) {
        try {
            return Optional.of(AnswerJson.parseObject(body));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
