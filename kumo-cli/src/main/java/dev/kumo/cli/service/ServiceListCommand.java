package dev.kumo.cli.service;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kumo service list [NAME] [-l SELECTOR]}: the Services of a namespace, or of all with {@code -A}. */
@Command(name = "list", aliases = "ls", description = "List Knative Services.")
public final class ServiceListCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this Service.")
    String name;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Only the Services whose labels match (key=value, key!=value, key in (a,b), key, !key).")
    String selector;

    private final Session session;

    public ServiceListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ListOutput.printTable(session, ResourceTypes.SERVICE, Optional.ofNullable(name),
                Optional.ofNullable(selector));
        return 0;
    }
}
