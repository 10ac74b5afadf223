package dev.kumo.cli.service;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kumo service list}: the Services of a namespace, or of all with {@code -A}. */
@Command(name = "list", aliases = "ls", description = "List Knative Services.")
public final class ServiceListCommand implements Callable<Integer> {

    private final Session session;

    public ServiceListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ListOutput.printTable(session, ResourceTypes.SERVICE);
        return 0;
    }
}
