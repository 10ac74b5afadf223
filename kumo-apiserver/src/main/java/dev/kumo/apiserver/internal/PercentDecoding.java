package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes {@code %XX} escapes of request paths and queries; a bad escape is a 400 that shows where it is. */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** A path segment: {@code %63m1} is {@code cm1}, a {@code +} stays a {@code +}. */
    static String segment(String raw) {
        return decode(raw, false, "path segment");
    }

    /** A query key or value: {@code +} is a space, as in forms and Go's {@code url.ParseQuery}. */
    static String queryPart(String raw) {
        return decode(raw, true, "query parameter");
    }

    private static String decode(String raw, boolean plusIsSpace, String what) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw ApiException.badRequest("malformed " + what + " \"" + raw + "\": '%' at position " + i
                            + " does not start an escape of two hex digits (write a literal '%' as %25)");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
