package dev.kumo.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Reads JSON text (RFC 8259) into Jackson's tree, the tree {@code ObjectMapper.readTree} makes (ints, longs, big
 * integers, doubles; a repeated key's last value). Written here rather than taken from jackson-core because every
 * jackson-core parser initialises {@code BigDecimal} (its static limits), whose class initialisation takes ~20 ms
 * of CPU on JDK 25 with the CLI's flags: a sixth of a {@code kumo version}. Limits as Jackson's keep a broken or
 * hostile answer from taking the stack or minutes of CPU: numbers of at most {@value #MAX_NUMBER_LENGTH} characters,
 * as Jackson's, and at most {@value #MAX_DEPTH} levels of nesting — fewer than Jackson's 1,000, since this reader
 * recurses (in the module's test run it overflowed a thread's stack before 1,000 levels) and no Kubernetes object
 * nests near it.
 */
final class JsonText {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 256;
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final String text;
    private int at;
    private int depth;

    private JsonText(String text) {
        this.text = text;
    }

    /** The value {@code text} holds; an {@link IllegalArgumentException} naming the offset when it is not JSON. */
    static JsonNode read(String text) {
        JsonText reader = new JsonText(text);
        return reader.value();
    }

    private JsonNode value() {
        char c = next();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> NODES.textNode(string());
            case 't' -> literal("true", NODES.booleanNode(true));
            case 'f' -> literal("false", NODES.booleanNode(false));
            case 'n' -> literal("null", NODES.nullNode());
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw error("a value");
            }
        };
    }

    private ObjectNode object() {
        deeper();
        ObjectNode object = NODES.objectNode();
        at++;
        if (next() == '}') {
            at++;
            depth--;
            return object;
        }
        while (true) {
            if (next() != '"') {
                throw error("a field name");
            }
            String name = string();
            expect(':');
            object.set(name, value());
            if (next() == '}') {
                at++;
                depth--;
                return object;
            }
            expect(',');
        }
    }

    private ArrayNode array() {
        deeper();
        ArrayNode array = NODES.arrayNode();
        at++;
        if (next() == ']') {
            at++;
            depth--;
            return array;
        }
        while (true) {
            array.add(value());
            if (next() == ']') {
                at++;
                depth--;
                return array;
            }
            expect(',');
        }
    }

    private void deeper() {
        if (++depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of nesting");
        }
    }

    /** The string whose opening quote is at {@code at}, unescaped; {@code at} after its closing quote. */
    private String string() {
        StringBuilder out = new StringBuilder();
        for (at++; ; at++) {
            if (at >= text.length()) {
                throw error("the end of a string");
            }
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return out.toString();
            } else if (c < 0x20) {
                throw error("a character (control characters are escaped in JSON)");
            } else if (c != '\\') {
                out.append(c);
            } else if (++at < text.length()) {
                char escaped = text.charAt(at);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 >= text.length()) {
                            throw error("four hex digits");
                        }
                        try {
                            out.append((char) HexFormat.fromHexDigits(text, at + 1, at + 5));
                        } catch (IllegalArgumentException e) {
                            throw error("four hex digits");
                        }
                        at += 4;
                    }
                    default -> throw error("an escape");
                }
            }
        }
    }

    /** An int, long or big integer as the text's integer fits, else a double. */
    private JsonNode number() {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        int digits = digits();
        if (digits == 0 || digits > 1 && text.charAt(at - digits) == '0') {
            throw error("a number (digits, no leading zero)");
        }
        boolean integer = true;
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            integer = false;
            if (digits() == 0) {
                throw error("digits after the decimal point");
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            integer = false;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            if (digits() == 0) {
                throw error("the exponent's digits");
            }
        }
        if (at - start > MAX_NUMBER_LENGTH) {
            at = start;
            throw error("a number of at most " + MAX_NUMBER_LENGTH + " characters");
        }
        String number = text.substring(start, at);
        if (!integer) {
            return NODES.numberNode(Double.parseDouble(number));
        }
        try {
            long value = Long.parseLong(number);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        } catch (NumberFormatException e) {
            return NODES.numberNode(new BigInteger(number));
        }
    }

    private int digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - start;
    }

    private JsonNode literal(String word, JsonNode node) {
        if (!text.startsWith(word, at)) {
            throw error("a value");
        }
        at += word.length();
        return node;
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw error("'" + wanted + "'");
        }
        at++;
    }

    /** The next character that is not white space, {@code at} on it; an error at the end of the text. */
    private char next() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (at >= text.length()) {
            throw new IllegalArgumentException("the JSON text ends early (offset " + at + ")");
        }
        return text.charAt(at);
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at offset " + at + " of the JSON text");
    }
}
