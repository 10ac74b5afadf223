package dev.kumo.api.printing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** kn's short forms of Destinations, object references, label selectors and command lines. */
public final class References {

    private References() {
    }

    /** A Destination: {@code ksvc:hello}, {@code broker:default}, the URI, or the ref then the URI. */
    public static String destination(JsonNode destination) {
        JsonNode ref = destination.path("ref");
        String uri = destination.path("uri").asText("");
        if (ref.isMissingNode()) {
            return uri;
        }
        String kind = ref.path("kind").asText();
        String prefix = switch (kind) {
            case "Service" -> ref.path("apiVersion").asText().startsWith("serving.knative.dev/") ? "ksvc" : kind;
            case "Broker" -> "broker";
            case "Channel" -> "channel";
            default -> kind;
        };
        String named = prefix + ":" + ref.path("name").asText();
        return uri.isEmpty() ? named : named + " " + uri;
    }

    /** A reference by name or selector: {@code Service:serving.knative.dev/v1:hello}, {@code Event:v1:app=a}. */
    public static String reference(JsonNode reference) {
        String text = reference.path("kind").asText() + ":" + reference.path("apiVersion").asText();
        if (reference.hasNonNull("name")) {
            return text + ":" + reference.path("name").asText();
        }
        String selector = labels(reference.path("selector"));
        return selector.isEmpty() ? text : text + ":" + selector;
    }

    /** A label selector as {@code k=v,…}, with any expressions as {@code key Operator (values)}. */
    public static String labels(JsonNode selector) {
        List<String> terms = new ArrayList<>();
        selector.path("matchLabels").properties().forEach(e -> terms.add(e.getKey() + "=" + e.getValue().asText()));
        for (JsonNode expression : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            terms.add((expression.path("key").asText() + " " + expression.path("operator").asText()
                    + (values.isEmpty() ? "" : " (" + String.join(",", values) + ")")));
        }
        return String.join(",", terms);
    }

    /** A container's command and arguments as one line. */
    public static String commandLine(JsonNode container) {
        List<String> words = new ArrayList<>();
        container.path("command").forEach(word -> words.add(word.asText()));
        container.path("args").forEach(word -> words.add(word.asText()));
        return String.join(" ", words);
    }
}
