package dev.kumo.cli.build;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/** {@code delete NAME...} of Builds or BuildRuns (a BuildRun's log goes with it). */
abstract class DeleteVerb implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "The objects to delete.")
    List<String> names;

    private final Session session;
    private final ResourceType type;

    DeleteVerb(Session session, ResourceType type) {
        this.session = session;
        this.type = type;
    }

    @Override
    public final Integer call() {
        for (String name : names) {
            session.client().delete(type, session.namespace(), name);
            session.out().println(type.kind() + " '" + name + "' successfully deleted in namespace '"
                    + session.namespace() + "'.");
        }
        session.out().flush();
        return 0;
    }
}
