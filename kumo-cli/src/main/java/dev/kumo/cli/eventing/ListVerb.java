package dev.kumo.cli.eventing;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;

/** {@code list} for an eventing kind: the namespace's objects (all with {@code -A}) as the server's kn table. */
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
