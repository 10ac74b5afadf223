package dev.kumo.eventing.http;

import io.vertx.core.MultiMap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP binding's percent-encoding of {@code ce-*} header values (space, '"', '%' and non-ASCII travel as
 * {@code %XX} of their UTF-8 bytes), undone before the SDK reads the headers; a '%' not followed by two hex digits
 * stays as it is.
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /** The headers with every {@code ce-*} value decoded. */
    public static MultiMap decodeAttributes(MultiMap headers) {
        MultiMap decoded = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : headers) {
            boolean attribute = header.getKey().toLowerCase(Locale.ROOT).startsWith("ce-");
            decoded.add(header.getKey(), attribute ? decode(header.getValue()) : header.getValue());
        }
        return decoded;
    }

    /** One value decoded. */
    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int high = i + 2 < bytes.length && bytes[i] == '%' ? Character.digit(bytes[i + 1], 16) : -1;
            int low = high >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
            if (low >= 0) {
                out.write(high << 4 | low);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
