package dev.kumo.api.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;

/** The one JSON mapper Kumo uses, and conversions between objects, trees and text. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses JSON text that must be an object; a 400 names what was wrong with it. */
    public static ObjectNode parseObject(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw ApiException.badRequest("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
    }

    /** Parses JSON bytes that must be an object. */
    public static ObjectNode parseObject(byte[] bytes) {
        return parseObject(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Serializes a value to compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Serializes a value to compact UTF-8 JSON bytes, without an intermediate String. */
    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Converts a record to a tree. */
    public static ObjectNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
