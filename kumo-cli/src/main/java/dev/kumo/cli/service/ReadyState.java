package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a Service stands for a wait, read from one version of it: what its Ready condition says once the
 * controllers have seen the change waited for ({@code status.observedGeneration} at least that generation).
 */
sealed interface ReadyState {

    /** kn's line for a Service that is ready. */
    String READY_MESSAGE = "Ready to serve.";

    /** Still settling; {@code message} is the Ready condition's message (empty when there is none yet). */
    record Waiting(String message) implements ReadyState {
    }

    /** Ready=True at the generation waited for. */
    record Ready() implements ReadyState {
    }

    /** Ready=False at the generation waited for; {@code message} says why (exit code and last log lines). */
    record Failed(String message) implements ReadyState {
    }

    static ReadyState of(JsonNode service, long generation) {
        JsonNode status = service.path("status");
        JsonNode ready = ready(status);
        String message = ready.path("message").asText("");
        if (status.path("observedGeneration").asLong(0) < generation) {
            return new Waiting("");
        }
        return switch (ready.path("status").asText("Unknown")) {
            case "True" -> new Ready();
            case "False" -> new Failed(message.isEmpty() ? ready.path("reason").asText("not ready") : message);
            default -> new Waiting(message);
        };
    }

    private static JsonNode ready(JsonNode status) {
        for (JsonNode condition : status.path("conditions")) {
            if ("Ready".equals(condition.path("type").asText())) {
                return condition;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
