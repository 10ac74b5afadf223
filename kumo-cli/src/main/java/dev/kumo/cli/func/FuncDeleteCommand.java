package dev.kumo.cli.func;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kumo func delete [NAME]}: deletes a deployed function's Service (its Revisions go with it). */
@Command(name = "delete", description = "Delete a deployed function.")
public final class FuncDeleteCommand implements Callable<Integer> {

    @Mixin
    FunctionTarget target = new FunctionTarget();

    private final Session session;

    public FuncDeleteCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String name = target.name();
        String namespace = target.namespace(session);
        target.service(session);
        session.err().println("Removing function " + name);
        session.client().delete(ResourceTypes.SERVICE, namespace, name);
        session.out().println("Function '" + name + "' deleted in namespace '" + namespace + "'.");
        session.out().flush();
        return 0;
    }
}
