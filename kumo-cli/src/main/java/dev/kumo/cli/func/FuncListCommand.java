package dev.kumo.cli.func;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.session.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kumo func list}: the deployed functions, the Services labelled {@code function.knative.dev/name}. */
@Command(name = "list", aliases = "ls", description = "List the deployed functions (-A: in all namespaces).")
public final class FuncListCommand implements Callable<Integer> {

    private final Session session;

    public FuncListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ObjectNode list = session.client().list(ResourceTypes.SERVICE, session.listNamespace(),
                Optional.of(FunctionService.NAME_LABEL));
        if (session.printRaw(list, ResourceTypes.SERVICE)) {
            return 0;
        }
        if (list.path("items").isEmpty()) {
            session.out().println("No functions found.");
            session.out().flush();
            return 0;
        }
        Table table = new Table("NAME", "NAMESPACE", "RUNTIME", "URL", "READY");
        for (JsonNode service : list.path("items")) {
            JsonNode metadata = service.path("metadata");
            table.row(metadata.path("labels").path(FunctionService.NAME_LABEL).asText(),
                    metadata.path("namespace").asText(),
                    metadata.path("labels").path(FunctionService.RUNTIME_LABEL).asText(),
                    service.path("status").path("url").asText(""), Conditions.ready(service));
        }
        session.out().print(table.render(!session.options().noHeaders()));
        session.out().flush();
        return 0;
    }
}
