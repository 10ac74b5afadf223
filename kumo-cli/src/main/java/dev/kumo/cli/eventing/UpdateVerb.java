package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.service.InvalidFlag;
import dev.kumo.cli.session.Session;

/**
 * {@code update NAME} for an eventing kind: reads the object, applies the flags given (the others keep their
 * values) and PUTs it back, again from a fresh read when another writer won in between.
 */
abstract class UpdateVerb extends WriteVerb {

    private static final int CONFLICT_ATTEMPTS = 3;

    UpdateVerb(Session session, ResourceType type, String label) {
        super(session, type, label);
    }

    /** Applies the flags to {@code object}, a copy of the stored one; throws {@link BadFlag} or {@link InvalidFlag}. */
    abstract void edit(ObjectNode object);

    @Override
    public final Integer call() {
        for (int attempt = 1; ; attempt++) {
            ObjectNode object = session.client().get(type, session.namespace(), name).deepCopy();
            applyFlags(() -> edit(object));
            try {
                session.client().replace(type, session.namespace(), name, object);
                say("updated");
                return 0;
            } catch (ApiError e) {
                if (e.status().code() != 409 || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
