package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;
import java.util.Optional;

/**
 * Where every object lives, with Kubernetes semantics: a monotonically increasing resourceVersion shared by all
 * kinds, optimistic concurrency (a stale resourceVersion is a Conflict), generation bumped only when the spec
 * changes, status written apart from the rest, generateName, finalizers holding deletion, ownerReferences driving
 * cascading deletion, and an ordered watch stream. Failures are {@link dev.kumo.api.errors.ApiException}s.
 *
 * <p>Objects are JSON trees ({@code apiVersion}, {@code kind}, {@code metadata}, …). Returned trees are copies the
 * caller may change; stored trees are never shared.
 */
public interface ResourceStore extends AutoCloseable {

    /**
     * Creates an object. The name comes from {@code metadata.name} or, when absent, from
     * {@code metadata.generateName} plus five random characters. Sets uid, resourceVersion, creationTimestamp and
     * generation 1; drops any status for kinds with a status subresource. AlreadyExists if the name is taken.
     */
    ObjectNode create(ResourceType type, ObjectNode object);

    /** The object with this name; namespace is ignored for cluster-scoped kinds. */
    Optional<ObjectNode> get(ResourceType type, String namespace, String name);

    /** The objects matching the options, sorted by namespace then name, with the store's resourceVersion. */
    ResourceList list(ResourceType type, ListOptions options);

    /**
     * Replaces metadata and spec (everything but status for kinds with a status subresource). A non-empty
     * {@code metadata.resourceVersion} must equal the stored one or this is a Conflict. uid, creationTimestamp and
     * deletionTimestamp are kept; generation is bumped when anything outside metadata and status changed. An update
     * that changes nothing returns the stored object without a new resourceVersion. Removing the last finalizer
     * of an object being deleted deletes it.
     */
    ObjectNode update(ResourceType type, ObjectNode object);

    /** Replaces only the status, under the same resourceVersion precondition; generation is not bumped. */
    ObjectNode updateStatus(ResourceType type, ObjectNode object);

    /**
     * Deletes an object: with finalizers it only gets a deletionTimestamp (returned); otherwise it is removed
     * (returned as it was last) and its dependents are deleted the same way, or orphaned when the options say so.
     * Deleting a namespace deletes everything in it.
     */
    ObjectNode delete(ResourceType type, String namespace, String name, DeleteOptions options);

    /**
     * Streams changes of one kind matching the filter, in resourceVersion order, on a thread of the store's own;
     * the listener must not block for long. From a given resourceVersion: the changes after it, or
     * Gone (410 Expired) when the store no longer remembers that far back. Without one: ADDED for every current
     * object first, then the changes.
     */
    Watch watch(ResourceType type, WatchOptions options, WatchListener listener);

    /** The resourceVersion of the latest write. */
    long resourceVersion();

    @Override
    void close();
}
