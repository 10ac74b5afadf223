package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.meta.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * The one way objects get written: every create and update goes through the kind's admission first — decoding,
 * defaults and validation — whoever writes. Controllers and the serving and eventing platforms write through
 * {@link #create(ResourceType, ObjectNode)} and {@link #update(ResourceType, ObjectNode)} (Strict, as a POST or PUT
 * without options); the API server admits a request with its own options through {@link #admit} and stores the
 * result, so no writer can store an object the API would refuse. Status writes pass as the API's {@code /status}
 * subresource takes them; kinds without a definition and every read pass straight through.
 */
public final class AdmittingStore extends ForwardingStore {

    private final Kinds kinds;

    public AdmittingStore(ResourceStore store, Kinds kinds) {
        super(store);
        this.kinds = kinds;
    }

    @Override
    public ObjectNode create(ResourceType type, ObjectNode object) {
        return create(type, admit(type, object, Optional.empty(), FieldValidation.Strict));
    }

    @Override
    public ObjectNode update(ResourceType type, ObjectNode object) {
        Optional<ObjectNode> existing = get(type, object.path("metadata").path("namespace").asText(""),
                object.path("metadata").path("name").asText(""));
        return update(type, admit(type, object, existing, FieldValidation.Strict));
    }

    /**
     * Admits {@code object} as its kind's admission does: a create when {@code existing} is empty, else an update
     * of it; unknown fields as {@code validation} says. The API server admits its requests here, so that it can
     * answer a dry run and send the warnings, then stores what came out with {@link #create(ResourceType, Admitted)}.
     */
    public Admitted admit(ResourceType type, ObjectNode object, Optional<ObjectNode> existing,
            FieldValidation validation) {
        return kinds.find(type.group(), type.version(), type.plural())
                .map(kind -> kind.admission().admit(object, existing, validation))
                .orElseGet(() -> new Admitted(object, List.of()));
    }

    /** Stores a new object that passed {@link #admit}. */
    public ObjectNode create(ResourceType type, Admitted admitted) {
        return super.create(type, admitted.object());
    }

    /** Stores a changed object that passed {@link #admit} against the stored one. */
    public ObjectNode update(ResourceType type, Admitted admitted) {
        return super.update(type, admitted.object());
    }
}
