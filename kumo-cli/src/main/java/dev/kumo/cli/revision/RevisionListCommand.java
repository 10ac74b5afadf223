package dev.kumo.cli.revision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo revision list [-s SERVICE]}: revisions with the traffic and tags their Service routes to them. */
@Command(name = "list", aliases = "ls", description = "List Knative Revisions.")
public final class RevisionListCommand implements Callable<Integer> {

    @Option(names = {"-s", "--service"}, paramLabel = "SERVICE", description = "Only the revisions of this Service.")
    String service;

    private final Session session;

    public RevisionListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Optional<String> selector = Optional.ofNullable(service).map(s -> RevisionTable.SERVICE_LABEL + "=" + s);
        JsonNode list = session.client().list(ResourceTypes.REVISION, session.listNamespace(), selector);
        ListOutput.print(session, list, ResourceTypes.REVISION, RevisionTable.ORDER,
                items -> RevisionTable.of(items, traffic(), session.now()));
        return 0;
    }

    private Traffic traffic() {
        JsonNode services = session.client().list(ResourceTypes.SERVICE, session.listNamespace(), Optional.empty());
        List<JsonNode> items = ListOutput.items(services);
        return Traffic.of(items);
    }
}
