package dev.kumo.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A pointer from a dependent object to the object that owns it; deleting the owner deletes the dependent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerReference(
        String apiVersion,
        String kind,
        String name,
        String uid,
        Boolean controller,
        Boolean blockOwnerDeletion) {
}
