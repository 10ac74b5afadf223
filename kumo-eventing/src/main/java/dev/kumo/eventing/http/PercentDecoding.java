package dev.kumo.eventing.http;

import io.vertx.core.MultiMap;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code ce-*} header values liberally, before the SDK sees them: the bytes on the wire (Netty hands them over
 * one char per byte) are UTF-8 when they form valid UTF-8, else Latin-1 (what Node's {@code http} sends for
 * {@code é}); each valid {@code %XX} is the byte it names (the HTTP binding's §3.1.3.2); a {@code %} that does not
 * start a valid escape — or escapes that do not decode to UTF-8 — leave the value as it was sent, since the npm
 * {@code cloudevents} SDK and Go's sdk-go write values without percent-encoding them. A URI attribute ({@code source},
 * {@code dataschema}) whose escapes are the URI's own ({@code /a%20b}, which those SDKs send as is) stays as sent when
 * decoding would make it no URI. Nothing here refuses a value.
 */
public final class PercentDecoding {

    /** The URI-typed context attributes' headers. */
    private static final Set<String> URI_HEADERS = Set.of("ce-source", "ce-dataschema");

    private PercentDecoding() {
    }

    /** A value read from the wire, and whether a {@code %} in it was taken literally. */
    public record Decoded(String value, boolean literalPercent) {
    }

    /** The headers with every {@code ce-*} value decoded. */
    public static MultiMap decodeAttributes(MultiMap headers) {
        return decodeAttributes(headers, () -> {
        });
    }

    /** As {@link #decodeAttributes(MultiMap)}, calling {@code literalPercent} once per value whose '%' was kept. */
    public static MultiMap decodeAttributes(MultiMap headers, Runnable literalPercent) {
        if (nothingToDecode(headers)) {
            return headers; // what each value would decode to is itself
        }
        MultiMap decoded = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : headers) {
            if (!header.getKey().toLowerCase(Locale.ROOT).startsWith("ce-")) {
                decoded.add(header.getKey(), header.getValue());
                continue;
            }
            Decoded value = URI_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT)) ? readUri(header.getValue())
                    : read(header.getValue());
            if (value.literalPercent()) {
                literalPercent.run();
            }
            decoded.add(header.getKey(), value.value());
        }
        return decoded;
    }

    /** Whether every {@code ce-*} value is ASCII without a '%': its own UTF-8, with no escape to undo. */
    private static boolean nothingToDecode(MultiMap headers) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().regionMatches(true, 0, "ce-", 0, 3) && !isPlainAscii(header.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == '%') {
                return false;
            }
        }
        return true;
    }

    /** One value decoded (see the class comment). */
    public static String decode(String wire) {
        return read(wire).value();
    }

    /** One value decoded, saying whether a '%' was taken literally. */
    public static Decoded read(String wire) {
        String text = text(wire);
        if (text.indexOf('%') < 0) {
            return new Decoded(text, false);
        }
        return unescape(text).map(value -> new Decoded(value, false)).orElse(new Decoded(text, true));
    }

    /** A URI attribute: decoded when that leaves a URI-reference, else its text as sent. */
    public static Decoded readUri(String wire) {
        Decoded decoded = read(wire);
        if (isUri(decoded.value())) {
            return decoded;
        }
        String text = text(wire);
        return isUri(text) ? new Decoded(text, false) : decoded;
    }

    private static boolean isUri(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The value's characters: the wire bytes as UTF-8 when valid, else as they came (Latin-1). */
    private static String text(String wire) {
        byte[] bytes = new byte[wire.length()];
        boolean ascii = true;
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c > 0xFF) {
                return wire;
            }
            ascii &= c < 0x80;
            bytes[i] = (byte) c;
        }
        return ascii ? wire : utf8(bytes).orElse(wire); // ASCII bytes are their own UTF-8
    }

    /** Every escape undone, or empty when one is malformed or the bytes are not UTF-8. */
    private static Optional<String> unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            int high = i + 1 < text.length() ? hex(text.charAt(i + 1)) : -1;
            int low = high >= 0 && i + 2 < text.length() ? hex(text.charAt(i + 2)) : -1;
            if (low < 0) {
                return Optional.empty();
            }
            out.write(high << 4 | low);
            i += 2;
        }
        return utf8(out.toByteArray());
    }

    /** An ASCII hex digit's value, else -1 ({@link Character#digit} would take other scripts' digits too). */
    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
