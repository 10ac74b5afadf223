package dev.kumo.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where events go ({@code duckv1.Destination}): an object whose address is resolved ({@code ref}), a URI, or both
 * (then the URI is relative to the object's address).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Destination(KReference ref, String uri, @JsonProperty("CACerts") String caCerts, String audience) {

    public static Destination of(KReference ref) {
        return new Destination(ref, null, null, null);
    }

    public static Destination of(String uri) {
        return new Destination(null, uri, null, null);
    }

    /** This destination with its ref in {@code namespace} when the ref names none (Knative's SetDefaults). */
    public Destination withDefaultNamespace(String namespace) {
        return ref == null ? this : new Destination(ref.withDefaultNamespace(namespace), uri, caCerts, audience);
    }
}
