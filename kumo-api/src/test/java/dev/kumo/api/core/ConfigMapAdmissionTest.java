package dev.kumo.api.core;

import static dev.kumo.api.testing.KindFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.testing.KindFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A ConfigMap's data may change unless it is immutable, with or without binaryData. */
class ConfigMapAdmissionTest {

    private static final KindFixtures KINDS = new KindFixtures(CoreKinds.all());
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: default}
            data: {k: v}
            """;

    @Test
    void anUpdateOfAConfigMapWithoutBinaryDataIsAdmitted() {
        ObjectNode changed = yaml(CONFIG_MAP);
        ((ObjectNode) changed.get("data")).put("k", "changed");

        assertThat(KINDS.admit(changed, Optional.of(yaml(CONFIG_MAP)), FieldValidation.Strict).object()
                .at("/data/k").asText()).isEqualTo("changed");
    }

    @Test
    void anImmutableConfigMapsDataCannotChange() {
        ObjectNode existing = yaml(CONFIG_MAP).put("immutable", true);
        ObjectNode changed = existing.deepCopy();
        ((ObjectNode) changed.get("data")).put("k", "changed");

        assertThat(KINDS.causes(changed, Optional.of(existing))).extracting(FieldError::field)
                .containsExactly("data");
    }
}
