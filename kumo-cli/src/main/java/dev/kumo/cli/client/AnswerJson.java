package dev.kumo.cli.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.cli.base.JsonTree;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a server's answer into Jackson's tree with jackson-core's streaming parser alone ({@link JsonTree}); the
 * {@code ObjectMapper} is made on first use still, for {@code -o json|yaml} and bodies.
 */
final class AnswerJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AnswerJson() {
    }

    /** The JSON object of {@code text}; an {@link IllegalArgumentException} when it holds no object. */
    static ObjectNode parseObject(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            return JsonTree.object(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
