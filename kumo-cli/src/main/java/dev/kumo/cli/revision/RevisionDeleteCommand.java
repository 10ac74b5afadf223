package dev.kumo.cli.revision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.session.ErrorReport;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo revision delete NAME... | --prune SERVICE}: deletes revisions; {@code --prune} deletes those of a
 * Service that get no traffic and are neither its latest created nor its latest ready revision.
 */
@Command(name = "delete", aliases = "rm", description = "Delete Knative Revisions.")
public final class RevisionDeleteCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Revisions to delete.")
    List<String> names = new ArrayList<>();

    @Option(names = "--prune", paramLabel = "SERVICE", description = "Delete the revisions of SERVICE that get no "
            + "traffic (its latest revisions are kept).")
    String prune;

    @Spec
    CommandSpec spec;

    private final Session session;

    public RevisionDeleteCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (names.isEmpty() == (prune == null)) {
            throw new ParameterException(spec.commandLine(), "give revision names or --prune SERVICE, not both");
        }
        List<String> victims = prune == null ? names : unused(prune);
        if (victims.isEmpty()) {
            session.out().println("No unused revisions of service '" + prune + "' in namespace '"
                    + session.namespace() + "'.");
        }
        int failures = 0;
        for (String name : victims) {
            try {
                session.client().delete(ResourceTypes.REVISION, session.namespace(), name);
                session.out().println("Revision '" + name + "' deleted in namespace '" + session.namespace() + "'.");
            } catch (ApiError e) {
                failures++;
                session.out().flush();
                ErrorReport.lines(e).forEach(session.err()::println);
            }
        }
        session.out().flush();
        session.err().flush();
        return failures == 0 ? 0 : 1;
    }

    private List<String> unused(String serviceName) {
        JsonNode service = session.client().get(ResourceTypes.SERVICE, session.namespace(), serviceName);
        JsonNode status = service.path("status");
        List<String> kept = new ArrayList<>(List.of(status.path("latestCreatedRevisionName").asText(""),
                status.path("latestReadyRevisionName").asText("")));
        for (JsonNode target : status.path("traffic")) {
            kept.add(target.path("revisionName").asText(""));
        }
        for (JsonNode target : service.path("spec").path("traffic")) {
            kept.add(target.path("revisionName").asText(""));
        }
        JsonNode revisions = session.client().list(ResourceTypes.REVISION, Optional.of(session.namespace()),
                Optional.of(RevisionTable.SERVICE_LABEL + "=" + serviceName));
        return ListOutput.items(revisions).stream().map(r -> r.path("metadata").path("name").asText())
                .filter(name -> !kept.contains(name)).sorted().toList();
    }
}
