package dev.kumo.cli.eventing;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CloudEvent as an HTTP request's headers ({@code "Name: value"} lines) and body, written by the SDK's HTTP
 * message writer in binary mode ({@code ce-*} headers, the data as the body) or structured mode (the JSON format).
 * Binary header values are percent-encoded as the HTTP binding asks (the SDK writes them as they are).
 */
record EncodedEvent(List<String> headers, byte[] body) {

    static EncodedEvent binary(CloudEvent event) {
        Collector collector = new Collector();
        HttpMessageFactory.createWriter(collector::header, collector::body).writeBinary(event);
        return collector.encoded();
    }

    static EncodedEvent structured(CloudEvent event) {
        Collector collector = new Collector();
        HttpMessageFactory.createWriter(collector::header, collector::body)
                .writeStructured(event, JsonFormat.CONTENT_TYPE);
        return collector.encoded();
    }

    /**
     * A {@code ce-*} header value as the CloudEvents HTTP binding (§3.1.3.2) sends it: space, {@code "}, {@code %}
     * and every character outside printable ASCII percent-encoded as UTF-8.
     */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > ' ' && c < 0x7f && c != '"' && c != '%') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return encoded.toString();
    }

    private static final class Collector {

        private final List<String> headers = new ArrayList<>();
        private byte[] body = new byte[0];

        void header(String name, String value) {
            boolean attribute = name.toLowerCase(Locale.ROOT).startsWith("ce-");
            headers.add(name + ": " + (attribute ? percentEncode(value) : value));
        }

        void body(byte[] bytes) {
            body = bytes == null ? new byte[0] : bytes; // an event without data has no body
        }

        EncodedEvent encoded() {
            return new EncodedEvent(List.copyOf(headers), body);
        }
    }
}
