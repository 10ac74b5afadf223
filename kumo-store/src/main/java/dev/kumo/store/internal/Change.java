package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** One write a backend applies: an object stored (created or replaced) or removed. */
public sealed interface Change {

    ObjectKey key();

    /** Stores {@code object} under {@code key}, replacing what was there. */
    record Put(ObjectKey key, ObjectNode object) implements Change {

        public String uid() {
            return MetaNode.text(object, "uid");
        }

        public long resourceVersion() {
            return Long.parseLong(MetaNode.text(object, "resourceVersion"));
        }

        /** The uids this object's ownerReferences point at, for finding dependents. */
        public Set<String> ownerUids() {
            return MetaNode.ownerUids(object);
        }
    }

    /** Removes the object under {@code key}. */
    record Remove(ObjectKey key) implements Change {
    }
}
