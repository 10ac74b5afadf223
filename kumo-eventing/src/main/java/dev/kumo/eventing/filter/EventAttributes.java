package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads an event's attribute by name as the string Knative compares filter values against: the context attributes
 * (and Knative's legacy names {@code schemaurl} and {@code datamediatype}), otherwise the extension of that name.
 */
final class EventAttributes {

    private EventAttributes() {
    }

    /** The attribute's string form, or {@code null} when the event does not have it (hot path: no Optional). */
    static String stringValue(CloudEvent event, String name) {
        return switch (name) {
            case "specversion" -> event.getSpecVersion().toString();
            case "id" -> event.getId();
            case "type" -> event.getType();
            case "source" -> event.getSource().toString();
            case "subject" -> event.getSubject();
            case "datacontenttype" -> event.getDataContentType();
            case "datamediatype" -> mediaType(event.getDataContentType());
            case "dataschema", "schemaurl" -> uri(event.getDataSchema());
            case "time" -> event.getTime() == null ? null : rfc3339(event.getTime());
            default -> {
                Object value = event.getExtension(name);
                yield value == null ? null : string(value);
            }
        };
    }

    /** The canonical CloudEvents string encoding of an attribute value (RFC 3339 times, base64 binaries). */
    static String string(Object value) {
        return switch (value) {
            case String s -> s;
            case OffsetDateTime time -> rfc3339(time);
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            default -> value.toString();
        };
    }

    /**
     * RFC 3339 with the event's own offset and always with seconds ({@code OffsetDateTime.toString()} drops
     * {@code :00} seconds, which RFC 3339 does not allow).
     */
    static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static String uri(URI uri) {
        return uri == null ? null : uri.toString();
    }

    /** The content type without parameters, lower-cased, as Go's {@code mime.ParseMediaType} gives it to Knative. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
