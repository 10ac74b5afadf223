package dev.kumo.api.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Decoding, defaulting and validation of one kind on create and update, as a Kubernetes admission chain would do
 * it. Throws {@link dev.kumo.api.errors.ApiException} (400 for undecodable or unknown fields in Strict mode, 422
 * with field causes for invalid values).
 */
@FunctionalInterface
public interface Admission {

    /**
     * Admits {@code incoming}; {@code existing} is the stored object on update (for immutability rules).
     * The returned object is what gets stored: normalized, with defaults, unknown fields dropped unless rejected.
     */
    Admitted admit(ObjectNode incoming, Optional<ObjectNode> existing, FieldValidation validation);
}
