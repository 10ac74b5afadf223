package dev.kumo.cli.revision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.output.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * kn's revision list columns: NAME SERVICE TRAFFIC TAGS GENERATION AGE CONDITIONS READY REASON; rows in the
 * order given (list them by {@link #ORDER}, as kn does).
 */
public final class RevisionTable {

    static final String SERVICE_LABEL = "serving.knative.dev/service";
    static final String GENERATION_LABEL = "serving.knative.dev/configurationGeneration";

    private RevisionTable() {
    }

    public static Table of(List<JsonNode> revisions, Traffic traffic, Instant now) {
        Table table = new Table("NAME", "SERVICE", "TRAFFIC", "TAGS", "GENERATION", "AGE", "CONDITIONS", "READY",
                "REASON");
        for (JsonNode revision : revisions) {
            JsonNode metadata = revision.path("metadata");
            String namespace = metadata.path("namespace").asText();
            String name = metadata.path("name").asText();
            table.row(name, metadata.path("labels").path(SERVICE_LABEL).asText(""),
                    traffic.percent(namespace, name), traffic.tags(namespace, name),
                    metadata.path("labels").path(GENERATION_LABEL).asText(""), Age.of(revision, now),
                    Conditions.okOfTotal(revision), Conditions.ready(revision), Conditions.notReadyReason(revision));
        }
        return table;
    }

    /** By namespace, Service, then generation, newest first. */
    public static final Comparator<JsonNode> ORDER = Comparator
            .comparing((JsonNode r) -> r.path("metadata").path("namespace").asText())
            .thenComparing(r -> r.path("metadata").path("labels").path(SERVICE_LABEL).asText(""))
            .thenComparing(Comparator.comparingLong(
                    (JsonNode r) -> r.path("metadata").path("labels").path(GENERATION_LABEL).asLong(0)).reversed())
            .thenComparing(r -> r.path("metadata").path("name").asText());
}
