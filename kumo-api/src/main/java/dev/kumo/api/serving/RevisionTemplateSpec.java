package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.ObjectMeta;
import java.util.Optional;

/** The template a Configuration stamps Revisions from: their metadata (labels, annotations, BYO name) and spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionTemplateSpec(ObjectMeta metadata, RevisionSpec spec) {

    public static RevisionTemplateSpec of(RevisionSpec spec) {
        return new RevisionTemplateSpec(null, spec);
    }

    public RevisionTemplateSpec withSpec(RevisionSpec value) {
        return new RevisionTemplateSpec(metadata, value);
    }

    public RevisionTemplateSpec withMetadata(ObjectMeta value) {
        return new RevisionTemplateSpec(value, spec);
    }

    /** The bring-your-own Revision name, when the template names one. */
    public Optional<String> byoName() {
        return Optional.ofNullable(metadata).map(ObjectMeta::name).filter(name -> !name.isEmpty());
    }
}
