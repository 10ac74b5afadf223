package dev.kumo.cli.eventing;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.service.InvalidFlag;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code create|update NAME} for an eventing kind: the object named, its flags applied, the outcome said. */
abstract class WriteVerb implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The name of the object.")
    String name;

    @Spec
    CommandSpec spec;

    final Session session;
    final ResourceType type;
    final String label;

    WriteVerb(Session session, ResourceType type, String label) {
        this.session = session;
        this.type = type;
        this.label = label;
    }

    /** Runs {@code edit}; a bad flag value it finds becomes a usage error naming the flag. */
    final void applyFlags(Runnable edit) {
        try {
            edit.run();
        } catch (BadFlag | InvalidFlag e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Says what became of the object, as kn does: {@code Broker 'x' successfully created in namespace 'y'.}. */
    final void say(String outcome) {
        session.out().println(label + " '" + name + "' " + outcome + " in namespace '" + session.namespace() + "'.");
        session.out().flush();
    }
}
