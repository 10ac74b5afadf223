package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code kn service export} writes: the Service as a user would apply it (no status, no server-set metadata),
 * and with its routed Revisions either as a replay (a {@code List} of the Service at each Revision, oldest first,
 * the last with today's traffic — applying them in order makes the same Revisions and split) or as kn's
 * {@code client.knative.dev/v1alpha1 Export} (the Service and its Revisions). {@link #replay} turns either back into
 * the Services to apply, as {@code service import} does.
 */
final class ServiceExport {

    static final String EXPORT_API_VERSION = "client.knative.dev/v1alpha1";
    private static final String GENERATION = "serving.knative.dev/configurationGeneration";
    private static final Set<String> SERVER_ANNOTATIONS = Set.of("serving.knative.dev/creator",
            "serving.knative.dev/lastModifier", "kubectl.kubernetes.io/last-applied-configuration");

    private ServiceExport() {
    }

    /** The Service alone, as applied. */
    static ObjectNode service(JsonNode stored) {
        ObjectNode service = Json.object().put("apiVersion", "serving.knative.dev/v1").put("kind", "Service");
        service.set("metadata", metadata(stored.path("metadata"), true));
        service.set("spec", stored.path("spec").deepCopy());
        return service;
    }

    /** The Revisions today's traffic routes to, oldest first. */
    static List<JsonNode> routed(JsonNode service, List<JsonNode> revisions) {
        Set<String> names = new LinkedHashSet<>();
        service.path("status").path("traffic").forEach(t -> names.add(t.path("revisionName").asText()));
        return revisions.stream().filter(r -> names.contains(r.path("metadata").path("name").asText()))
                .sorted(Comparator.comparingLong(r -> r.path("metadata").path("labels").path(GENERATION).asLong()))
                .toList();
    }

    /** {@code --mode replay}: the Service at each routed Revision, then today's. */
    static ObjectNode replay(JsonNode stored, List<JsonNode> routed) {
        ObjectNode list = Json.object().put("apiVersion", "v1").put("kind", "List");
        ArrayNode items = list.putArray("items");
        for (JsonNode revision : routed) {
            ObjectNode step = service(stored);
            ObjectNode template = step.withObjectProperty("spec").putObject("template");
            ObjectNode meta = template.putObject("metadata").put("name",
                    revision.path("metadata").path("name").asText());
            copyIfSet(revision.path("metadata"), meta, "annotations");
            template.set("spec", revision.path("spec").deepCopy());
            ((ObjectNode) step.get("spec")).remove("traffic");
            items.add(step);
        }
        if (!items.isEmpty()) {
            ObjectNode last = (ObjectNode) items.get(items.size() - 1);
            if (stored.path("spec").has("traffic")) {
                last.withObjectProperty("spec").set("traffic", stored.path("spec").path("traffic").deepCopy());
            }
        } else {
            items.add(service(stored));
        }
        return list;
    }

    /** {@code --mode resources}: kn's Export of the Service and its routed Revisions. */
    static ObjectNode resources(JsonNode stored, List<JsonNode> routed) {
        ObjectNode export = Json.object().put("apiVersion", EXPORT_API_VERSION).put("kind", "Export");
        ObjectNode spec = export.putObject("spec");
        spec.set("service", service(stored));
        ArrayNode revisions = spec.putArray("revisions");
        for (JsonNode revision : routed) {
            ObjectNode copy = Json.object().put("apiVersion", "serving.knative.dev/v1").put("kind", "Revision");
            copy.set("metadata", metadata(revision.path("metadata"), false));
            copy.set("spec", revision.path("spec").deepCopy());
            revisions.add(copy);
        }
        return export;
    }

    /** The Services to apply in order for an export of either mode, or a single Service. */
    static List<ObjectNode> steps(JsonNode document) {
        List<ObjectNode> steps = new ArrayList<>();
        if (document.path("kind").asText().equals("List")) {
            document.path("items").forEach(item -> steps.add((ObjectNode) item.deepCopy()));
        } else if (document.path("apiVersion").asText().equals(EXPORT_API_VERSION)
                && document.path("kind").asText().equals("Export")) {
            JsonNode service = document.path("spec").path("service");
            List<JsonNode> revisions = new ArrayList<>();
            document.path("spec").path("revisions").forEach(revisions::add);
            ObjectNode fake = service.deepCopy();
            ArrayNode traffic = fake.putObject("status").putArray("traffic");
            revisions.forEach(r -> traffic.addObject().put("revisionName", r.path("metadata").path("name").asText()));
            replay(fake, routed(fake, revisions)).path("items").forEach(item -> steps.add((ObjectNode) item));
        } else if (document.path("kind").asText().equals("Service")) {
            steps.add((ObjectNode) document.deepCopy());
        } else {
            throw new InvalidFlag("not an export: want a Service, a List of Services (--mode replay) or a "
                    + EXPORT_API_VERSION + " Export (--mode resources)");
        }
        return steps;
    }

    private static ObjectNode metadata(JsonNode stored, boolean service) {
        ObjectNode meta = Json.object().put("name", stored.path("name").asText());
        if (service) {
            meta.put("namespace", stored.path("namespace").asText());
        }
        copyIfSet(stored, meta, "labels");
        if (stored.path("annotations").isObject()) {
            ObjectNode annotations = stored.path("annotations").deepCopy();
            SERVER_ANNOTATIONS.forEach(annotations::remove);
            if (!annotations.isEmpty()) {
                meta.set("annotations", annotations);
            }
        }
        return meta;
    }

    private static void copyIfSet(JsonNode from, ObjectNode to, String field) {
        if (from.path(field).isObject() && !from.path(field).isEmpty()) {
            to.set(field, from.path(field).deepCopy());
        }
    }
}
