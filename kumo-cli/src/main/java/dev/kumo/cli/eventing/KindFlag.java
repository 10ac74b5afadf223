package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.printing.References;
import java.util.ArrayList;
import java.util.List;

/**
 * kn's {@code KIND:APIVERSION[:…]} references to objects of a kind: an ApiServerSource's {@code --resource}
 * ({@code Event:v1}, {@code Revision:serving.knative.dev/v1:app=x}) and a SinkBinding's {@code --subject}
 * ({@code Deployment:apps/v1:hello}, {@code Job:batch/v1:app=cron,tier=x}); parsed into the spec's fields and back.
 */
final class KindFlag {

    private static final String RESOURCE_SYNTAX = "want KIND:APIVERSION[:KEY=VALUE,...], e.g. Event:v1 or "
            + "Revision:serving.knative.dev/v1:app=x";
    private static final String SUBJECT_SYNTAX = "want KIND:APIVERSION:NAME or KIND:APIVERSION:KEY=VALUE,..., "
            + "e.g. Deployment:apps/v1:hello or Job:batch/v1:app=cron";

    private KindFlag() {
    }

    /** An ApiServerSource resource: {@code apiVersion}, {@code kind} and, when labels are given, a selector. */
    static ObjectNode resource(String value) {
        String[] parts = value.split(":", 3);
        String error = "invalid --resource '" + value + "': " + RESOURCE_SYNTAX;
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new BadFlag(error);
        }
        ObjectNode resource = Json.object().put("apiVersion", parts[1]).put("kind", parts[0]);
        if (parts.length == 3) {
            resource.set("selector", selector(parts[2], error));
        }
        return resource;
    }

    /** A SinkBinding subject: {@code apiVersion}, {@code kind} and a {@code name} or a label selector. */
    static ObjectNode subject(String value) {
        String[] parts = value.split(":", 3);
        String error = "invalid --subject '" + value + "': " + SUBJECT_SYNTAX;
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new BadFlag(error);
        }
        ObjectNode subject = Json.object().put("apiVersion", parts[1]).put("kind", parts[0]);
        if (parts[2].contains("=")) {
            subject.set("selector", selector(parts[2], error));
        } else {
            subject.put("name", parts[2]);
        }
        return subject;
    }

    /** A resource or subject as the flag writes it: {@code KIND:APIVERSION[:NAME|:KEY=VALUE,...]}. */
    static String describe(JsonNode reference) {
        return References.reference(reference);
    }

    private static ObjectNode selector(String labels, String error) {
        ObjectNode matchLabels = Json.object();
        for (String pair : labels.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new BadFlag(error);
            }
            matchLabels.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        ObjectNode selector = Json.object();
        selector.set("matchLabels", matchLabels);
        return selector;
    }
}
