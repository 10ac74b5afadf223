package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.format.HumanDuration;
import dev.kumo.api.meta.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code meta.k8s.io/v1} Table renderings with the columns Knative's CRDs declare (URL, LATESTCREATED,
 * LATESTREADY, READY, REASON …; the eventing CRDs add AGE, and a Broker's CLASS only for {@code -o wide}) and
 * kubectl's for the core kinds; cells are pre-formatted strings.
 */
final class TableView {

    private record Column(String name, String format, int priority, Function<ObjectNode, String> cell) {

        Column(String name, String format, Function<ObjectNode, String> cell) {
            this(name, format, 0, cell);
        }
    }

    private final InstantSource clock;

    TableView(InstantSource clock) {
        this.clock = clock;
    }

    ObjectNode table(ResourceType type, List<ObjectNode> objects, long resourceVersion) {
        List<Column> columns = columns(type);
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column column : columns) {
            definitions.addObject().put("name", column.name()).put("type", "string").put("format", column.format())
                    .put("description", column.name()).put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (ObjectNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            columns.forEach(column -> cells.add(column.cell().apply(object)));
            ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
                    .put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", object.path("metadata").deepCopy());
        }
        return table;
    }

    private List<Column> columns(ResourceType type) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Name", "name", o -> o.path("metadata").path("name").asText()));
        switch (type.kind()) {
            case "Service" -> {
                columns.add(text("URL", "/status/url"));
                columns.add(text("LatestCreated", "/status/latestCreatedRevisionName"));
                columns.add(text("LatestReady", "/status/latestReadyRevisionName"));
                columns.addAll(readiness());
            }
            case "Configuration" -> {
                columns.add(text("LatestCreated", "/status/latestCreatedRevisionName"));
                columns.add(text("LatestReady", "/status/latestReadyRevisionName"));
                columns.addAll(readiness());
            }
            case "Revision" -> {
                columns.add(new Column("Config Name", "", o -> label(o, "serving.knative.dev/configuration")));
                columns.add(new Column("Generation", "",
                        o -> label(o, "serving.knative.dev/configurationGeneration")));
                columns.addAll(readiness());
                columns.add(text("Actual Replicas", "/status/actualReplicas"));
                columns.add(text("Desired Replicas", "/status/desiredReplicas"));
            }
            case "Route" -> {
                columns.add(text("URL", "/status/url"));
                columns.addAll(readiness());
            }
            case "Broker" -> {
                columns.add(text("URL", "/status/address/url"));
                columns.add(age());
                columns.addAll(readiness());
                columns.add(new Column("Class", "", 1, o -> o.path("metadata").path("annotations")
                        .path("eventing.knative.dev/broker.class").asText("")));
            }
            case "Trigger" -> {
                columns.add(text("Broker", "/spec/broker"));
                columns.add(text("Subscriber_URI", "/status/subscriberUri"));
                columns.add(age());
                columns.addAll(readiness());
            }
            case "PingSource" -> {
                columns.add(text("Sink", "/status/sinkUri"));
                columns.add(text("Schedule", "/spec/schedule"));
                columns.add(age());
                columns.addAll(readiness());
            }
            case "ApiServerSource", "SinkBinding", "ContainerSource" -> {
                columns.add(text("Sink", "/status/sinkUri"));
                columns.add(age());
                columns.addAll(readiness());
            }
            case "Namespace" -> {
                columns.add(new Column("Status", "",
                        o -> o.path("metadata").has("deletionTimestamp") ? "Terminating" : "Active"));
                columns.add(age());
            }
            case "ConfigMap" -> {
                columns.add(new Column("Data", "",
                        o -> Integer.toString(o.path("data").size() + o.path("binaryData").size())));
                columns.add(age());
            }
            case "Secret" -> {
                columns.add(text("Type", "/type"));
                columns.add(new Column("Data", "", o -> Integer.toString(o.path("data").size())));
                columns.add(age());
            }
            default -> columns.add(age());
        }
        return columns;
    }

    private Column age() {
        return new Column("Age", "", this::age);
    }

    private static List<Column> readiness() {
        return List.of(new Column("Ready", "", o -> condition(o).path("status").asText("")),
                new Column("Reason", "", o -> condition(o).path("reason").asText("")));
    }

    private static JsonNode condition(ObjectNode object) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asText())) {
                return condition;
            }
        }
        return Json.object();
    }

    private static Column text(String name, String pointer) {
        return new Column(name, "", o -> o.at(pointer).isMissingNode() ? "" : o.at(pointer).asText());
    }

    private static String label(ObjectNode object, String key) {
        return object.path("metadata").path("labels").path(key).asText("");
    }

    private String age(ObjectNode object) {
        String created = object.path("metadata").path("creationTimestamp").asText("");
        if (created.isEmpty()) {
            return "<unknown>";
        }
        return HumanDuration.format(Duration.between(Instant.parse(created), clock.instant()));
    }
}
