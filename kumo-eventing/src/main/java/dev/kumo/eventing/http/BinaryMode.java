package dev.kumo.eventing.http;

import io.cloudevents.CloudEvent;
import io.cloudevents.types.Time;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * Sends a CloudEvent in HTTP binary mode with every {@code ce-*} value percent-encoded as the HTTP binding requires
 * (space, {@code "}, {@code %} and anything outside printable ASCII, byte by byte of its UTF-8 form). The SDK's
 * Vert.x writer (4.0.1) writes the values raw, which mangles non-ASCII extension values.
 */
public final class BinaryMode {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private BinaryMode() {
    }

    /** Writes the event's attributes as headers and its data as the body, and sends the request. */
    public static Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, CloudEvent event) {
        request.putHeader("ce-specversion", event.getSpecVersion().toString());
        request.putHeader("ce-id", encode(event.getId()));
        request.putHeader("ce-source", encode(event.getSource().toString()));
        request.putHeader("ce-type", encode(event.getType()));
        if (event.getSubject() != null) {
            request.putHeader("ce-subject", encode(event.getSubject()));
        }
        if (event.getDataSchema() != null) {
            request.putHeader("ce-dataschema", encode(event.getDataSchema().toString()));
        }
        if (event.getTime() != null) {
            request.putHeader("ce-time", encode(Time.writeTime(event.getTime())));
        }
        for (String name : event.getExtensionNames()) {
            request.putHeader("ce-" + name, encode(text(event.getExtension(name))));
        }
        if (event.getDataContentType() != null) {
            request.putHeader("content-type", event.getDataContentType());
        }
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        return request.sendBuffer(Buffer.buffer(data));
    }

    /** An extension value's canonical string form (CloudEvents type system). */
    static String text(Object value) {
        return switch (value) {
            case OffsetDateTime time -> Time.writeTime(time);
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            default -> String.valueOf(value);
        };
    }

    /** Percent-encodes what a {@code ce-*} header value may not carry as is. */
    static String encode(String value) {
        StringBuilder out = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean plain = b > 0x20 && b < 0x7F && b != '"' && b != '%';
            if (plain && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(bytes.length + 8).append(new String(bytes, 0, i, StandardCharsets.US_ASCII));
            }
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out == null ? value : out.toString();
    }
}
