package dev.kumo.controller.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One kind of the store as records: reads decode the stored tree, writes encode the record. */
public final class TypedStore<T extends HasMetadata> {

    private final ResourceStore store;
    private final ResourceType type;
    private final Class<T> record;

    public TypedStore(ResourceStore store, ResourceType type, Class<T> record) {
        this.store = store;
        this.type = type;
        this.record = record;
    }

    public Optional<T> get(String namespace, String name) {
        return store.get(type, namespace, name).map(this::decode);
    }

    /** The objects in {@code namespace} whose labels match {@code selector}. */
    public List<T> list(String namespace, String selector) {
        return list(namespace, LabelSelector.parse(selector));
    }

    /** The objects in {@code namespace} whose labels match {@code selector}. */
    public List<T> list(String namespace, LabelSelector selector) {
        ListOptions options = new ListOptions(Optional.of(namespace), selector, Optional.empty());
        return store.list(type, options).items().stream().map(this::decode).toList();
    }

    /** Every object of the kind, in all namespaces. */
    public List<T> listAll() {
        return store.list(type, ListOptions.ALL).items().stream().map(this::decode).toList();
    }

    public T create(T value) {
        return decode(store.create(type, Json.toTree(value)));
    }

    /**
     * Creates a child of {@code owner} (stored in {@code owners}). The store deletes dependents only when their owner
     * is deleted; a child created just after its owner was deleted would be left behind, so this checks the owner
     * afterwards and, if it is gone, deletes the child again and throws (the retry then finds no owner).
     */
    public T createControlledBy(T child, TypedStore<?> owners, HasMetadata owner) {
        T created = create(child);
        boolean ownerStillThere = owners.get(owner.metadata().namespace(), owner.metadata().name())
                .filter(o -> o.metadata().uid().equals(owner.metadata().uid())).isPresent();
        if (!ownerStillThere) {
            store.delete(type, created.metadata().namespace(), created.metadata().name(), DeleteOptions.DEFAULT);
            throw new IllegalStateException("creating " + type.singular() + " " + created.metadata().name() + ": its "
                    + owner.kind() + " " + owner.metadata().name() + " was deleted meanwhile; deleted it again");
        }
        return created;
    }

    /** Deletes the object (its dependents go by cascade); one already gone is no error. */
    public void delete(String namespace, String name) {
        try {
            store.delete(type, namespace, name, DeleteOptions.DEFAULT);
        } catch (ApiException e) {
            if (e.reason() != StatusReason.NotFound) {
                throw e;
            }
        }
    }

    /** Replaces metadata and spec; the record's resourceVersion must still be the stored one. */
    public T update(T value) {
        return decode(store.update(type, Json.toTree(value)));
    }

    /**
     * Writes {@code status(value)} when it differs from {@code status(stored)}, where {@code stored} is what was read;
     * returns what is stored now.
     */
    public <S> T updateStatusIfChanged(T stored, T value, Function<T, S> status) {
        if (tree(status.apply(stored)).equals(tree(status.apply(value)))) {
            return stored;
        }
        try {
            return decode(store.updateStatus(type, Json.toTree(value)));
        } catch (ApiException e) {
            if (e.reason() == StatusReason.NotFound) {
                // Deleted while it was reconciled: there is no status left to write.
                return stored;
            }
            throw e;
        }
    }

    private T decode(ObjectNode tree) {
        return TypedCodec.decode(tree, record).value();
    }

    private static JsonNode tree(Object value) {
        return value == null ? Json.object() : Json.mapper().valueToTree(value);
    }
}
