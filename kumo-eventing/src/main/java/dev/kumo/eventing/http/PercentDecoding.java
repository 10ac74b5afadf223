package dev.kumo.eventing.http;

import io.vertx.core.MultiMap;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP binding's decoding of {@code ce-*} header values (§3.1.3.2), done before the SDK reads the headers: a
 * double-quoted value is unquoted first (RFC 7230 §3.2.6), then one round of percent-decoding turns each {@code %XX}
 * back into its byte; a '%' not followed by two hex digits, an unterminated quoted string, or bytes that are not
 * valid UTF-8 make the value invalid ({@link InvalidEncoding}), since a conforming sender never produces them.
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /** A header value the binding's encoding cannot have produced; the message says where and how to fix it. */
    public static final class InvalidEncoding extends IllegalArgumentException {

        InvalidEncoding(String message) {
            super(message);
        }
    }

    /** The headers with every {@code ce-*} value decoded; throws {@link InvalidEncoding} naming the bad header. */
    public static MultiMap decodeAttributes(MultiMap headers) {
        MultiMap decoded = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : headers) {
            boolean attribute = header.getKey().toLowerCase(Locale.ROOT).startsWith("ce-");
            try {
                decoded.add(header.getKey(), attribute ? decode(header.getValue()) : header.getValue());
            } catch (InvalidEncoding e) {
                throw new InvalidEncoding("header " + header.getKey() + ": " + e.getMessage());
            }
        }
        return decoded;
    }

    /** One value decoded. */
    public static String decode(String value) {
        String unquoted = unquote(value);
        if (unquoted.indexOf('%') < 0) {
            return unquoted;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(unquoted.length());
        for (int i = 0; i < unquoted.length(); i++) {
            char c = unquoted.charAt(i);
            if (c != '%') {
                int end = Character.isHighSurrogate(c) && i + 1 < unquoted.length() ? i + 2 : i + 1;
                out.writeBytes(unquoted.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            int high = i + 1 < unquoted.length() ? Character.digit(unquoted.charAt(i + 1), 16) : -1;
            int low = high >= 0 && i + 2 < unquoted.length() ? Character.digit(unquoted.charAt(i + 2), 16) : -1;
            if (low < 0) {
                String escape = unquoted.substring(i, Math.min(i + 3, unquoted.length()));
                throw new InvalidEncoding("malformed percent escape '" + escape + "' at position " + i + " in '"
                        + value + "': a '%' must be followed by two hex digits (send a literal '%' as %25)");
            }
            out.write(high << 4 | low);
            i += 2;
        }
        return utf8(out.toByteArray(), value);
    }

    /** The value inside a double-quoted string with its backslash escapes undone; other values as they are. */
    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        StringBuilder inner = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                if (i != value.length() - 1) {
                    break;
                }
                return inner.toString();
            }
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            inner.append(c);
        }
        throw new InvalidEncoding("malformed quoted string '" + value + "': a value starting with '\"' must be one"
                + " quoted string (RFC 7230 §3.2.6); percent-encode a literal '\"' as %22");
    }

    private static String utf8(byte[] bytes, String value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEncoding("'" + value + "' decodes to bytes that are not valid UTF-8: percent-encode the"
                    + " UTF-8 bytes of each character (e.g. 'é' as %C3%A9, a literal '%' as %25)");
        }
    }
}
