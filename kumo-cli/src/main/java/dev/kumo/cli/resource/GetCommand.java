package dev.kumo.cli.resource;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kumo get KIND [NAME]}: lists a kind, or shows one object, by any of the kind's names. */
@Command(name = "get", description = "List objects of a kind (ksvc, rev, rt, cfg, ns, cm, secrets, …), or one.")
public final class GetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", description = "Kind: plural, singular or short name.")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "One object of the kind.")
    String name;

    private final Session session;

    public GetCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ResourceType type = KindArgument.resolve(kind);
        if (name == null) {
            ResourceTables.list(session, type);
        } else {
            ResourceTables.one(session, type, name);
        }
        return 0;
    }
}
