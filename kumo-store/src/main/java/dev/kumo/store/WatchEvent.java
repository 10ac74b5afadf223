package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One change: for DELETED the object as it was last, with the resourceVersion of its deletion. */
public record WatchEvent(Type type, ObjectNode object, long resourceVersion) {

    /** The Kubernetes watch event types. */
    public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK }
}
