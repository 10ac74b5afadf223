package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The image digest a Revision's container was resolved to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerStatus(String name, String imageDigest) {
}
