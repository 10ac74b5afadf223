package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.meta.ResourceType;
import java.util.Optional;

/**
 * The store as writers other than the API server see it (controllers, the serving and eventing platforms): every
 * create and update goes through the kind's admission first — the same decoding (Strict), defaults and validation a
 * POST or PUT to the API gets — so no writer can store an object the API would refuse. Status writes pass as the
 * API's {@code /status} subresource takes them; kinds without a definition and every read pass straight through.
 */
public final class AdmittingStore extends ForwardingStore {

    private final Kinds kinds;

    public AdmittingStore(ResourceStore store, Kinds kinds) {
        super(store);
        this.kinds = kinds;
    }

    @Override
    public ObjectNode create(ResourceType type, ObjectNode object) {
        return super.create(type, admit(type, object, Optional.empty()));
    }

    @Override
    public ObjectNode update(ResourceType type, ObjectNode object) {
        Optional<ObjectNode> existing = get(type, object.path("metadata").path("namespace").asText(""),
                object.path("metadata").path("name").asText(""));
        return super.update(type, admit(type, object, existing));
    }

    private ObjectNode admit(ResourceType type, ObjectNode object, Optional<ObjectNode> existing) {
        return kinds.find(type.group(), type.version(), type.plural())
                .map(kind -> kind.admission().admit(object, existing, FieldValidation.Strict).object())
                .orElse(object);
    }
}
