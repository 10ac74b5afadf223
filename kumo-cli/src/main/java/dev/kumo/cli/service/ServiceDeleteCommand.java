package dev.kumo.cli.service;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Session;
import dev.kumo.cli.session.ListOutput;
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

/** {@code kumo service delete NAME...|--all}: deletes Services; their Configurations, Revisions and Routes go with them. */
@Command(name = "delete", aliases = "rm", description = "Delete Knative Services.")
public final class ServiceDeleteCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Services to delete.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Delete every Service in the namespace.")
    boolean all;

    @Spec
    CommandSpec spec;

    private final Session session;

    public ServiceDeleteCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (all == !names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), all ? "give either NAME... or --all, not both"
                    : "want at least one NAME, or --all");
        }
        List<String> doomed = all ? ListOutput.items(session.client().list(ResourceTypes.SERVICE,
                Optional.of(session.namespace()), Optional.empty())).stream()
                .map(item -> item.path("metadata").path("name").asText()).toList() : names;
        if (doomed.isEmpty()) {
            session.err().println("No services found in namespace " + session.namespace() + ".");
            session.err().flush();
        }
        for (String name : doomed) {
            session.client().delete(ResourceTypes.SERVICE, session.namespace(), name);
            session.out().println("Service '" + name + "' successfully deleted in namespace '"
                    + session.namespace() + "'.");
            session.out().flush();
        }
        return 0;
    }
}
