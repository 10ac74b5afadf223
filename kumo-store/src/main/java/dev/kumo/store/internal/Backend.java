package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.store.ResourceList;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps objects: plain storage without Kubernetes rules. Reads may run concurrently with each other
 * and with {@link #apply}; the engine calls {@code apply} from one thread at a time. Returned trees belong to the
 * caller.
 */
public interface Backend extends AutoCloseable {

    /** The resourceVersion of the last applied change set (0 for a new store). */
    long resourceVersion();

    Optional<ObjectNode> get(ObjectKey key);

    /** The objects of one resource, optionally of one namespace and name, sorted by namespace then name. */
    ResourceList list(String resource, Optional<String> namespace, Optional<String> name);

    /** The keys of the objects whose ownerReferences point at {@code ownerUid}. */
    List<ObjectKey> dependents(String ownerUid);

    /** The keys of every namespaced object in {@code namespace}, of any resource. */
    List<ObjectKey> contents(String namespace);

    /** Applies the changes in order, all or none, and records {@code resourceVersion}; durable when it returns. */
    void apply(List<Change> changes, long resourceVersion);

    @Override
    void close();
}
