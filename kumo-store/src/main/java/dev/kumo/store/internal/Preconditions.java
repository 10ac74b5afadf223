package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import java.util.Optional;

/** Optimistic concurrency: the uid and resourceVersion a writer expects, checked against the stored object. */
final class Preconditions {

    static final String MODIFIED =
            "the object has been modified; please apply your changes to the latest version and try again";

    private Preconditions() {
    }

    /** For update and updateStatus: a stale resourceVersion or another uid in the incoming object is a Conflict. */
    static void checkIncoming(ObjectKey key, ObjectNode stored, ObjectNode incoming) {
        checkUid(key, stored, MetaNode.optional(incoming, "uid"));
        Optional<String> version = MetaNode.optional(incoming, "resourceVersion");
        if (version.isPresent() && !version.get().equals(MetaNode.text(stored, "resourceVersion"))) {
            throw ApiException.conflict(key.resource(), key.name(), MODIFIED);
        }
    }

    /** For delete: the uid and resourceVersion the caller named must be the stored ones. */
    static void checkDelete(ObjectKey key, ObjectNode stored, Optional<String> uid, Optional<String> version) {
        checkUid(key, stored, uid);
        String actual = MetaNode.text(stored, "resourceVersion");
        if (version.isPresent() && !version.get().isEmpty() && !version.get().equals(actual)) {
            throw ApiException.conflict(key.resource(), key.name(), "Precondition failed: ResourceVersion in "
                    + "precondition: " + version.get() + ", ResourceVersion in object meta: " + actual);
        }
    }

    private static void checkUid(ObjectKey key, ObjectNode stored, Optional<String> uid) {
        String actual = MetaNode.text(stored, "uid");
        if (uid.isPresent() && !uid.get().isEmpty() && !uid.get().equals(actual)) {
            throw ApiException.conflict(key.resource(), key.name(),
                    "Precondition failed: UID in precondition: " + uid.get() + ", UID in object meta: " + actual);
        }
    }
}
