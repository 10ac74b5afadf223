package dev.kumo.cli.service;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kumo service delete NAME...}: deletes Services; their Configurations, Revisions and Routes go with them. */
@Command(name = "delete", aliases = "rm", description = "Delete Knative Services.")
public final class ServiceDeleteCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Services to delete.")
    List<String> names;

    private final Session session;

    public ServiceDeleteCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        for (String name : names) {
            session.client().delete(ResourceTypes.SERVICE, session.namespace(), name);
            session.out().println("Service '" + name + "' successfully deleted in namespace '"
                    + session.namespace() + "'.");
            session.out().flush();
        }
        return 0;
    }
}
