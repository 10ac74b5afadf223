package dev.kumo.cli.revision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.ConditionLines;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kumo revision describe NAME}: the revision, its image, Service, traffic, how it scales (with the
 * autoscaler's last decisions when the server serves them) and its conditions.
 */
@Command(name = "describe", description = "Show details of a Knative Revision.")
public final class RevisionDescribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The Revision.")
    String name;

    private final Session session;

    public RevisionDescribeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        JsonNode revision = session.client().get(ResourceTypes.REVISION, session.namespace(), name);
        if (session.printRaw(revision, ResourceTypes.REVISION)) {
            return 0;
        }
        JsonNode metadata = revision.path("metadata");
        String service = metadata.path("labels").path(RevisionTable.SERVICE_LABEL).asText("");
        Traffic traffic = Traffic.of(service.isEmpty() ? List.of() : session.client()
                .find(ResourceTypes.SERVICE, session.namespace(), service).map(JsonNode.class::cast).stream()
                .toList());
        String namespace = metadata.path("namespace").asText();
        session.out().print(new DescribeBlock()
                .attribute("Name", metadata.path("name").asText())
                .attribute("Namespace", namespace)
                .attribute("Age", Age.of(revision, session.now()))
                .attribute("Image", revision.path("spec").path("containers").path(0).path("image").asText(""))
                .attribute("Service", service)
                .attribute("Generation", metadata.path("labels").path(RevisionTable.GENERATION_LABEL).asText(""))
                .attribute("Traffic", traffic.percent(namespace, name))
                .attribute("Tags", traffic.tags(namespace, name))
                .attribute("Restarts", revision.path("status").path("annotations").path("kumo.dev/restarts")
                        .asText(""))
                .attribute("Last termination", revision.path("status").path("annotations")
                        .path("kumo.dev/last-termination").asText(""))
                .section("Scale", ScaleLines.of(revision, autoscaling(namespace), session.now()))
                .section("Conditions", ConditionLines.of(revision, session.now()))
                .render());
        session.out().flush();
        return 0;
    }

    /** The autoscaler's state, when the server has one for the Revision; a failure to read it only warns. */
    private Optional<JsonNode> autoscaling(String namespace) {
        try {
            return session.client().revisionAutoscaling(namespace, name).map(JsonNode.class::cast);
        } catch (ApiError e) {
            session.warn("the autoscaler's state of revision '" + name + "' could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }
}
