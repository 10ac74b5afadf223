package dev.kumo.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a server's answer into Jackson's tree ({@link JsonText}: no jackson-core parser, no {@code ObjectMapper});
 * the {@code ObjectMapper} is made on first use still, for {@code -o json|yaml} and bodies.
 */
final class AnswerJson {

    private AnswerJson() {
    }

    /** The JSON object of {@code text}; an {@link IllegalArgumentException} when it holds no object. */
    static ObjectNode parseObject(String text) {
        JsonNode value = JsonText.read(text);
        if (!(value instanceof ObjectNode object)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return object;
    }
}
