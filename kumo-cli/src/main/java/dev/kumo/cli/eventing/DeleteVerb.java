package dev.kumo.cli.eventing;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/** {@code delete NAME...} for an eventing kind. */
abstract class DeleteVerb implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "The objects to delete.")
    List<String> names;

    private final Session session;
    private final ResourceType type;
    private final String label;

    DeleteVerb(Session session, ResourceType type, String label) {
        this.session = session;
        this.type = type;
        this.label = label;
    }

    @Override
    public final Integer call() {
        for (String name : names) {
            session.client().delete(type, session.namespace(), name);
            session.out().println(label + " '" + name + "' successfully deleted in namespace '"
                    + session.namespace() + "'.");
            session.out().flush();
        }
        return 0;
    }
}
