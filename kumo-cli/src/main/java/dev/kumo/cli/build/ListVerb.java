package dev.kumo.cli.build;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;

/** {@code list} of Builds or BuildRuns: the server's table of the namespace's objects. */
abstract class ListVerb implements Callable<Integer> {

    private final Session session;
    private final ResourceType type;

    ListVerb(Session session, ResourceType type) {
        this.session = session;
        this.type = type;
    }

    @Override
    public final Integer call() {
        ListOutput.printTable(session, type);
        return 0;
    }
}
