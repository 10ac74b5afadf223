package dev.kumo.api.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kumo.api.errors.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads manifests (JSON, YAML, multi-document YAML, {@code kind: List}) and writes YAML. */
public final class Manifests {

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder().build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private Manifests() {
    }

    /**
     * Reads every object in a text that holds JSON or one or more YAML documents; empty documents are skipped and
     * the items of a {@code List} are returned in its place.
     */
    public static List<ObjectNode> read(String text) {
        List<ObjectNode> objects = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(text);
             MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class)) {
            int index = 0;
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                index++;
                // An empty YAML document ("---" followed by nothing) comes back as an empty string.
                if (document == null || document.isNull() || document.isMissingNode()
                        || (document.isTextual() && document.textValue().isBlank())) {
                    continue;
                }
                if (!(document instanceof ObjectNode object)) {
                    throw ApiException.badRequest(
                            "document " + index + " is a " + document.getNodeType() + ", want an object with kind");
                }
                if (object.path("kind").asText().endsWith("List") && object.path("items").isArray()) {
                    for (JsonNode item : object.path("items")) {
                        if (item instanceof ObjectNode itemObject) {
                            objects.add(itemObject);
                        }
                    }
                } else {
                    objects.add(object);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("malformed YAML or JSON: " + firstLine(e.getMessage()));
        }
        return objects;
    }

    /** Writes a tree as a YAML document. */
    public static String writeYaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("writing YAML: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
