package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a handler answers: a whole body, or a stream of lines the server keeps open. */
public sealed interface Reply {

    /** A complete response and any Kubernetes {@code Warning} texts to send with it. */
    record Body(int status, String contentType, byte[] bytes, List<String> warnings) implements Reply {

        static Body json(int status, JsonNode node) {
            return json(status, node, List.of());
        }

        static Body json(int status, JsonNode node, List<String> warnings) {
            return new Body(status, "application/json", Json.writeBytes(node),
                    warnings);
        }

        static Body text(int status, String text) {
            return new Body(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), List.of());
        }
    }

    /** A watch or a log: the server starts it once the response headers are written. */
    record Stream(LineStream stream) implements Reply {
    }
}
