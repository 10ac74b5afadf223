package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a resource can be reached inside the cluster ({@code status.address}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Addressable(String name, String url, @JsonProperty("CACerts") String caCerts, String audience) {

    public static Addressable of(String url) {
        return new Addressable(null, url, null, null);
    }
}
