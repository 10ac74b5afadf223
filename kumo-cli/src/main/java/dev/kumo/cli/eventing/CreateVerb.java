package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.service.InvalidFlag;
import dev.kumo.cli.session.Session;

/**
 * {@code create NAME} for an eventing kind: builds the object from the flags, POSTs it and says so as kn does.
 * No waiting: objects are stored, and the controllers that make them Ready come later.
 */
abstract class CreateVerb extends WriteVerb {

    CreateVerb(Session session, ResourceType type, String label) {
        super(session, type, label);
    }

    /** Fills the new object (metadata and spec are there already); throws {@link BadFlag} or {@link InvalidFlag}. */
    abstract void fill(ObjectNode object);

    @Override
    public final Integer call() {
        ObjectNode object = Json.object().put("apiVersion", type.apiVersion()).put("kind", type.kind());
        object.putObject("metadata").put("name", name).put("namespace", session.namespace());
        object.putObject("spec");
        applyFlags(() -> fill(object));
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
        say("successfully created");
        return 0;
    }
}
