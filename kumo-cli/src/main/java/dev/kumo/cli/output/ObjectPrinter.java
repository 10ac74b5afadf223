package dev.kumo.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.Manifests;
import java.util.function.Function;

/** Prints objects and lists as the server returned them, in the format of {@code -o}. */
public final class ObjectPrinter {

    private static final DefaultPrettyPrinter KUBECTL_JSON = new DefaultPrettyPrinter(Separators
            .createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));

    private ObjectPrinter() {
    }

    /**
     * An object or a list as text ending with a newline; {@code name} prints {@code qualifiedName/name} for the
     * object or every item of the list.
     *
     * @param qualifiedName the kind's qualified name for an object or item, e.g. {@code service.serving.knative.dev}
     */
    public static String format(JsonNode node, OutputFormat format, Function<JsonNode, String> qualifiedName) {
        return switch (format) {
            case json -> json(node) + "\n";
            case yaml -> Manifests.writeYaml(node);
            case name -> names(node, qualifiedName);
        };
    }

    /** JSON indented the way kubectl prints it (four spaces, {@code "key": value}). */
    public static String json(JsonNode node) {
        try {
            return Json.mapper().writer(KUBECTL_JSON).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON: " + e.getMessage(), e);
        }
    }

    private static String names(JsonNode node, Function<JsonNode, String> qualifiedName) {
        if (!node.has("items")) {
            return qualifiedName.apply(node) + "/" + node.path("metadata").path("name").asText() + "\n";
        }
        StringBuilder out = new StringBuilder();
        node.path("items").forEach(item -> out.append(qualifiedName.apply(item)).append('/')
                .append(item.path("metadata").path("name").asText()).append('\n'));
        return out.toString();
    }
}
