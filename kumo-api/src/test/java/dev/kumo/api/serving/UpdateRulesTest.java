package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.REVISION;
import static dev.kumo.api.serving.ServingFixtures.SERVICE;
import static dev.kumo.api.serving.ServingFixtures.admit;
import static dev.kumo.api.serving.ServingFixtures.causes;
import static dev.kumo.api.serving.ServingFixtures.normalized;
import static dev.kumo.api.serving.ServingFixtures.patched;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.FieldValidation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules that compare an update with the stored object: BYO names and Revision immutability. */
class UpdateRulesTest {

    private static final String BYO = "spec: {template: {metadata: {name: hello-v1}}}";
    private static final String NEW_IMAGE =
            "spec: {template: {spec: {containers: [{image: 'ghcr.io/knative/helloworld-go:v2'}]}}}";

    @Test
    void changingTheTemplateWithoutRenamingItIsRefused() {
        ObjectNode stored = admit(patched(SERVICE, BYO)).object();
        ObjectNode update = patched(SERVICE, BYO);
        ((ObjectNode) update.at("/spec/template/spec/containers/0")).put("image", "ghcr.io/knative/helloworld-go:v2");

        assertThat(causes(update, Optional.of(stored))).extracting(FieldError::message).containsExactly(
                "spec.template.metadata.name: Invalid value: \"hello-v1\": Saw the following changes without a name "
                        + "change (spec.template.spec.containers[0].image); give the template a new name");
    }

    @Test
    void reapplyingTheSameManifestKeepsTheStoredTemplate() {
        ObjectNode stored = admit(patched(SERVICE, BYO)).object();

        ObjectNode admitted = admit(patched(SERVICE, BYO), Optional.of(stored), FieldValidation.Strict).object();

        assertThat(normalized(admitted)).isEqualTo(normalized(stored));
    }

    @Test
    void changingTheTemplateWithANewNameIsAllowed() {
        ObjectNode stored = admit(patched(SERVICE, BYO)).object();
        ObjectNode update = patched(patched(SERVICE, NEW_IMAGE).toString(), "spec: {template: {metadata: {name: "
                + "hello-v2}}}");

        assertThat(admit(update, Optional.of(stored), FieldValidation.Strict).object()
                .at("/spec/template/metadata/name").asText()).isEqualTo("hello-v2");
    }

    @Test
    void changingTheTemplateOfAnUnnamedTemplateIsAllowed() {
        ObjectNode stored = admit(patched(SERVICE, "{}")).object();

        assertThat(admit(patched(SERVICE, NEW_IMAGE), Optional.of(stored), FieldValidation.Strict).warnings())
                .isEmpty();
    }

    @Test
    void aRevisionSpecNeverChanges() {
        ObjectNode stored = admit(patched(REVISION, "{}")).object();
        ObjectNode update = stored.deepCopy();
        ((ObjectNode) update.get("spec")).put("containerConcurrency", 5);

        assertThat(causes(update, Optional.of(stored))).extracting(FieldError::message).containsExactly(
                "spec: Forbidden: Immutable fields changed (spec.containerConcurrency); a Revision never changes, "
                        + "change its Configuration or Service instead");
    }

    @Test
    void aRevisionsLabelsMayChange() {
        ObjectNode stored = admit(patched(REVISION, "{}")).object();
        ObjectNode update = stored.deepCopy();
        ((ObjectNode) update.get("metadata")).putObject("labels").put("serving.knative.dev/routingState", "active");

        assertThat(admit(update, Optional.of(stored), FieldValidation.Strict).object()
                .at("/metadata/labels/serving.knative.dev~1routingState").asText()).isEqualTo("active");
    }
}
