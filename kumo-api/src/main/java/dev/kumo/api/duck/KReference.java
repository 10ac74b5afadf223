package dev.kumo.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to a Knative object by kind, apiVersion and name ({@code duckv1.KReference}); the namespace defaults
 * to the referring object's. {@code group} and {@code address} are Knative feature-gated fields, kept as written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KReference(String kind, String namespace, String name, String apiVersion, String group,
        String address) {

    /** A reference to {@code kind} {@code name} of {@code apiVersion}, in the referring object's namespace. */
    public static KReference of(String apiVersion, String kind, String name) {
        return new KReference(kind, null, name, apiVersion, null, null);
    }

    /** This reference with {@code value} as its namespace when it names none. */
    public KReference withDefaultNamespace(String value) {
        return namespace == null || namespace.isEmpty()
                ? new KReference(kind, value, name, apiVersion, group, address) : this;
    }
}
