package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.ConditionLines;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kumo service describe NAME}: the Service, its revisions with their traffic, its conditions, and the recent
 * Events about it, its Configuration, Route and those revisions.
 */
@Command(name = "describe", description = "Show details of a Knative Service.")
public final class ServiceDescribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The Service.")
    String name;

    private final Session session;

    public ServiceDescribeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        JsonNode service = session.client().get(ResourceTypes.SERVICE, session.namespace(), name);
        if (session.printRaw(service, ResourceTypes.SERVICE)) {
            return 0;
        }
        JsonNode metadata = service.path("metadata");
        session.out().print(new DescribeBlock()
                .attribute("Name", metadata.path("name").asText())
                .attribute("Namespace", metadata.path("namespace").asText())
                .attribute("Age", Age.of(service, session.now()))
                .attribute("URL", service.path("status").path("url").asText(""))
                .section("Revisions", revisionLines(service))
                .section("Conditions", ConditionLines.of(service, session.now()))
                .section("Events", EventLines.of(events(service), session.now()))
                .render());
        session.out().flush();
        return 0;
    }

    /** The Events about the Service, its Configuration and Route (the same name) and the revisions it lists. */
    private List<JsonNode> events(JsonNode service) {
        List<JsonNode> events = new ArrayList<>();
        session.client().listByFields(ResourceTypes.EVENT, session.namespace(), "involvedObject.name=" + name)
                .path("items").forEach(event -> {
                    if (SERVICE_KINDS.contains(event.path("involvedObject").path("kind").asText())) {
                        events.add(event);
                    }
                });
        TrafficRevisions.of(service).stream().map(TrafficRevisions.Target::name).distinct().forEach(revision ->
                session.client().listByFields(ResourceTypes.EVENT, session.namespace(),
                        "involvedObject.kind=Revision,involvedObject.name=" + revision).path("items")
                        .forEach(events::add));
        return events;
    }

    private static final java.util.Set<String> SERVICE_KINDS = java.util.Set.of("Service", "Configuration", "Route");

    private List<String> revisionLines(JsonNode service) {
        record Described(TrafficRevisions.Target target, Optional<JsonNode> revision) {
        }
        List<Described> described = new ArrayList<>();
        for (TrafficRevisions.Target target : TrafficRevisions.of(service)) {
            described.add(new Described(target, session.client()
                    .find(ResourceTypes.REVISION, session.namespace(), target.name()).map(JsonNode.class::cast)));
        }
        // Newest first, as kn orders them; a stable sort keeps traffic order among equals.
        described.sort(Comparator.comparingLong((Described d) -> generation(d.revision())).reversed());
        List<String> lines = new ArrayList<>();
        described.forEach(d -> lines.addAll(RevisionLines.of(d.target(), d.revision(), service, session.now())));
        return lines;
    }

    private static long generation(Optional<JsonNode> revision) {
        return revision.map(r -> r.path("metadata").path("labels")
                .path("serving.knative.dev/configurationGeneration").asLong(0)).orElse(0L);
    }
}
