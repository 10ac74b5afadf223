package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.KReference;

/** What a domain maps to ({@code ref}) and, optionally, the Secret that would terminate its TLS. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DomainMappingSpec(KReference ref, Tls tls) {

    /** {@code spec.tls}: the name of an existing Secret holding the domain's certificate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tls(String secretName) {
    }
}
