package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.meta.ResourceType;
import java.util.Optional;

/**
 * The store as writers other than the API server see it (controllers, the serving and eventing platforms): every
 * create and update goes through the kind's admission first — the same decoding (Strict), defaults and validation a
 * POST or PUT to the API gets — so no writer can store an object the API would refuse. Status writes pass as the
 * API's {@code /status} subresource takes them; kinds without a definition and every read pass straight through.
 */
public final class AdmittingStore implements ResourceStore {

    private final ResourceStore store;
    private final Kinds kinds;

    public AdmittingStore(ResourceStore store, Kinds kinds) {
        this.store = store;
        this.kinds = kinds;
    }

    @Override
    public ObjectNode create(ResourceType type, ObjectNode object) {
        return store.create(type, admit(type, object, Optional.empty()));
    }

    @Override
    public ObjectNode update(ResourceType type, ObjectNode object) {
        Optional<ObjectNode> existing = store.get(type, object.path("metadata").path("namespace").asText(""),
                object.path("metadata").path("name").asText(""));
        return store.update(type, admit(type, object, existing));
    }

    @Override
    public ObjectNode updateStatus(ResourceType type, ObjectNode object) {
        return store.updateStatus(type, object);
    }

    @Override
    public Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        return store.get(type, namespace, name);
    }

    @Override
    public ResourceList list(ResourceType type, ListOptions options) {
        return store.list(type, options);
    }

    @Override
    public ObjectNode delete(ResourceType type, String namespace, String name, DeleteOptions options) {
        return store.delete(type, namespace, name, options);
    }

    @Override
    public Watch watch(ResourceType type, WatchOptions options, WatchListener listener) {
        return store.watch(type, options, listener);
    }

    @Override
    public long resourceVersion() {
        return store.resourceVersion();
    }

    @Override
    public void close() {
        store.close();
    }

    private ObjectNode admit(ResourceType type, ObjectNode object, Optional<ObjectNode> existing) {
        Optional<KindDefinition> kind = kinds.find(type.group(), type.version(), type.plural());
        return kind.map(k -> k.admission().admit(object, existing, FieldValidation.Strict).object()).orElse(object);
    }
}
