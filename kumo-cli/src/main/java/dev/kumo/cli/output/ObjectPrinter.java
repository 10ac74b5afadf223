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
     * An object or a list as text; {@code name} prints {@code qualifiedName/name} and {@code url} the
     * {@code status.url} for the object or every item of the list; {@code jsonpath} prints the template's text
     * only, as kubectl does; {@code custom-columns} a table.
     *
     * @param qualifiedName the kind's qualified name for an object or item, e.g. {@code service.serving.knative.dev}
     */
    public static String format(JsonNode node, Output output, Function<JsonNode, String> qualifiedName) {
        return switch (output.format()) {
            case json -> json(node) + "\n";
            case yaml -> Manifests.writeYaml(node);
            case name -> perItem(node, item -> qualifiedName.apply(item) + "/"
                    + item.path("metadata").path("name").asText());
            case url -> perItem(node, item -> item.path("status").path("url").asText(""));
            case jsonpath -> JsonPathTemplate.parse(output.argument()).apply(node);
            case customColumns -> CustomColumns.parse(output.argument()).table(node).render(true);
            case wide -> throw new IllegalStateException("-o wide is a table the command prints");
        };
    }

    /** A format that takes no argument ({@code json}, {@code yaml}, {@code name}, {@code url}). */
    public static String format(JsonNode node, OutputFormat format, Function<JsonNode, String> qualifiedName) {
        return format(node, Output.of(format), qualifiedName);
    }

    /** JSON indented the way kubectl prints it (four spaces, {@code "key": value}). */
    public static String json(JsonNode node) {
        try {
            return Json.mapper().writer(KUBECTL_JSON).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON: " + e.getMessage(), e);
        }
    }

    private static String perItem(JsonNode node, Function<JsonNode, String> line) {
        if (!node.has("items")) {
            return line.apply(node) + "\n";
        }
        StringBuilder out = new StringBuilder();
        node.path("items").forEach(item -> out.append(line.apply(item)).append('\n'));
        return out.toString();
    }
}
