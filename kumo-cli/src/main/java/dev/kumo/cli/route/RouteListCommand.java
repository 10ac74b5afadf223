package dev.kumo.cli.route;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kumo route list}: the Routes of a namespace, or of all with {@code -A}. */
@Command(name = "list", aliases = "ls", description = "List Knative Routes.")
public final class RouteListCommand implements Callable<Integer> {

    private final Session session;

    public RouteListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ListOutput.printTable(session, ResourceTypes.ROUTE);
        return 0;
    }
}
