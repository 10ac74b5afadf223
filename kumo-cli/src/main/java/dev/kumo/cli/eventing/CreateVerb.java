package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.CliException;
import dev.kumo.cli.Session;
import dev.kumo.cli.client.ApiError;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code create NAME} for an eventing kind: builds the object from the flags, POSTs it and says so as kn does.
 * No waiting: objects are stored, and the controllers that make them Ready come later.
 */
abstract class CreateVerb implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The name of the object to create.")
    String name;

    @Spec
    CommandSpec spec;

    final Session session;
    private final ResourceType type;
    private final String label;

    CreateVerb(Session session, ResourceType type, String label) {
        this.session = session;
        this.type = type;
        this.label = label;
    }

    /** Fills the new object (metadata and spec are there already); throws {@link BadFlag} for a bad flag. */
    abstract void fill(ObjectNode object);

    @Override
    public final Integer call() {
        ObjectNode object = Json.object().put("apiVersion", type.apiVersion()).put("kind", type.kind());
        object.putObject("metadata").put("name", name).put("namespace", session.namespace());
        object.putObject("spec");
        try {
            fill(object);
        } catch (BadFlag e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            session.client().create(type, session.namespace(), object);
        } catch (ApiError e) {
            if (e.status().code() != 409) {
                throw e;
            }
            throw new CliException(label.toLowerCase() + " '" + name + "' already exists in namespace '"
                    + session.namespace() + "'", "Delete it first with 'kumo " + spec.parent().qualifiedName()
                    .substring("kumo ".length()) + " delete " + name + "'.");
        }
        session.out().println(label + " '" + name + "' successfully created in namespace '" + session.namespace()
                + "'.");
        session.out().flush();
        return 0;
    }
}
