package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.serving.pod.Container;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvResolverTest {

    private final EnvResolver resolver = new EnvResolver((type, namespace, name) -> Optional.empty());

    @Test
    void aLiteralValueNamesVariablesDefinedBeforeItAsTheKubeletExpandsThem() {
        Container container = container(List.of(
                Map.of("name", "HOST", "value", "db.local"),
                Map.of("name", "URL", "value", "postgres://$(HOST):5432/$(LATER)"),
                Map.of("name", "LATER", "value", "app"),
                Map.of("name", "ESCAPED", "value", "$$(HOST)"),
                Map.of("name", "PORTED", "value", "$(PORT)")));

        assertThat(resolver.resolve("default", container))
                .containsEntry("URL", "postgres://db.local:5432/$(LATER)")
                .containsEntry("ESCAPED", "$(HOST)")
                .containsEntry("PORTED", "$(PORT)"); // PORT is the platform's, defined after the user's variables
    }

    private static Container container(List<Map<String, String>> env) {
        ObjectNode tree = Json.mapper().valueToTree(Map.of("name", "user-container", "env", env));
        return TypedCodec.decode(tree, Container.class).value();
    }
}
