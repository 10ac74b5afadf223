package dev.kumo.eventing.http;

import io.cloudevents.CloudEvent;
import io.cloudevents.types.Time;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * Sends a CloudEvent in HTTP binary mode the way Knative's dispatcher (Go's sdk-go, {@code protocol/http}'s
 * {@code httpRequestWriter}) does: each {@code ce-*} value is the attribute's canonical string as is — its UTF-8 bytes
 * on the wire, spaces, quotes and {@code %} unescaped — so subscribers written with sdk-go or the npm
 * {@code cloudevents} SDK (neither decodes) read the string that was sent. Only the control characters HTTP cannot
 * carry in a header (all but HTAB) are percent-encoded, where Go's client would refuse to send the event at all.
 */
public final class BinaryMode {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private BinaryMode() {
    }

    /** Writes the event's attributes as headers and its data as the body, and sends the request. */
    public static Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, CloudEvent event) {
        return request.sendBuffer(write(event, request.headers()));
    }

    /** Puts the event's attributes into {@code headers}; returns its data, the body to send. */
    public static Buffer write(CloudEvent event, MultiMap headers) {
        headers.set("ce-specversion", event.getSpecVersion().toString());
        headers.set("ce-id", wire(event.getId()));
        headers.set("ce-source", wire(event.getSource().toString()));
        headers.set("ce-type", wire(event.getType()));
        if (event.getSubject() != null) {
            headers.set("ce-subject", wire(event.getSubject()));
        }
        if (event.getDataSchema() != null) {
            headers.set("ce-dataschema", wire(event.getDataSchema().toString()));
        }
        if (event.getTime() != null) {
            headers.set("ce-time", wire(Time.writeTime(event.getTime())));
        }
        for (String name : event.getExtensionNames()) {
            headers.set("ce-" + name, wire(text(event.getExtension(name))));
        }
        if (event.getDataContentType() != null) {
            headers.set("content-type", wire(event.getDataContentType()));
        }
        return Buffer.buffer(event.getData() == null ? new byte[0] : event.getData().toBytes());
    }

    /** An extension value's canonical string form (CloudEvents type system). */
    static String text(Object value) {
        return switch (value) {
            case OffsetDateTime time -> Time.writeTime(time);
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            default -> String.valueOf(value);
        };
    }

    /**
     * A value as it goes on the wire: one char per UTF-8 byte (Netty writes each char as one byte), control
     * characters other than HTAB as {@code %XX}.
     */
    static String wire(String value) {
        if (isPrintableAscii(value)) {
            return value; // each char is its one UTF-8 byte, and none is escaped
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte signed : bytes) {
            int b = signed & 0xFF;
            if ((b < 0x20 && b != '\t') || b == 0x7F) {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
