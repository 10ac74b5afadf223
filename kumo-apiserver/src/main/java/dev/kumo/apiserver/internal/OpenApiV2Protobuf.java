package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /openapi/v2} in the protobuf form kubectl asks for ({@code openapi.v2.Document} of google/gnostic's
 * {@code OpenAPIv2.proto}): the definitions only, with the schema keywords kubectl reads (type, description,
 * properties, items, additionalProperties, required, enum, $ref, format, allOf, {@code x-} extensions). kubectl uses
 * it to explain ({@code --output=plaintext-openapiv2}) and, for kinds absent from {@code /openapi/v3}, to validate:
 * a kind without a definition is not validated on the client, so kubectl sends it and reports the server's answer.
 */
final class OpenApiV2Protobuf {

    /** The media type kube-apiserver answers with (kubectl asks for {@code …spec.v2@v1.0+protobuf}, which Go cannot parse back). */
    static final String MEDIA_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private OpenApiV2Protobuf() {
    }

    static byte[] document(Map<String, ObjectNode> definitions) {
        Message document = new Message().string(1, "2.0")
                .message(2, new Message().string(1, "Kumo").string(2, "v1"));
        Message named = new Message();
        definitions.forEach((name, schema) ->
                named.message(1, new Message().string(1, name).message(2, schema(schema))));
        return document.message(9, named).bytes();
    }

    private static Message schema(JsonNode schema) {
        Message message = new Message();
        text(message, 1, schema.path("$ref"));
        text(message, 2, schema.path("format"));
        text(message, 3, schema.path("title"));
        text(message, 4, schema.path("description"));
        schema.path("required").forEach(r -> message.string(19, r.asText()));
        schema.path("enum").forEach(e -> message.message(20, any(e)));
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject()) {
            message.message(21, new Message().message(1, schema(additional)));
        } else if (additional.isBoolean()) {
            message.message(21, new Message().bool(2, additional.asBoolean()));
        }
        JsonNode type = schema.path("type");
        if (type.isTextual() || type.isArray()) {
            Message types = new Message();
            (type.isArray() ? type : Json.mapper().createArrayNode().add(type)).forEach(t -> types.string(1, t.asText()));
            message.message(22, types);
        }
        JsonNode items = schema.path("items");
        if (items.isObject() || items.isArray()) {
            Message item = new Message();
            (items.isArray() ? items : Json.mapper().createArrayNode().add(items)).forEach(i -> item.message(1, schema(i)));
            message.message(23, item);
        }
        schema.path("allOf").forEach(s -> message.message(24, schema(s)));
        if (schema.path("properties").isObject()) {
            Message properties = new Message();
            schema.path("properties").properties().forEach(p ->
                    properties.message(1, new Message().string(1, p.getKey()).message(2, schema(p.getValue()))));
            message.message(25, properties);
        }
        schema.properties().stream().filter(p -> p.getKey().startsWith("x-")).forEach(p ->
                message.message(31, new Message().string(1, p.getKey()).message(2, any(p.getValue()))));
        return message;
    }

    /** gnostic's {@code Any}: the value as YAML text (JSON is YAML). */
    private static Message any(JsonNode value) {
        return new Message().string(2, Json.write(value));
    }

    private static void text(Message message, int field, JsonNode value) {
        if (value.isTextual()) {
            message.string(field, value.asText());
        }
    }

    /** A protobuf message being written: fields in the order added. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return bytes(field, value.bytes());
        }

        Message bool(int field, boolean value) {
            varint(field << 3);
            varint(value ? 1 : 0);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private Message bytes(int field, byte[] value) {
            varint(field << 3 | 2);
            varint(value.length);
            out.writeBytes(value);
            return this;
        }

        private void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
