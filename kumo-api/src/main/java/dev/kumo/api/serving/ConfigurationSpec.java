package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A Configuration's desired state: the template of its next Revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigurationSpec(RevisionTemplateSpec template) {
}
