package dev.kumo.cli.eventing;

import com.fasterxml.jackson.core.JacksonException;
import dev.kumo.api.codec.Json;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code kumo event send} was told to send, before it is a CloudEvent: {@link #toEvent(Instant)} checks every
 * flag (a {@link BadFlag} names the flag, the value and the fix) and builds the event with the CloudEvents SDK.
 *
 * @param type {@code --type}
 * @param source {@code --source}, a URI reference
 * @param id {@code --id}
 * @param subject {@code --subject}
 * @param extensions {@code --extension NAME=VALUE}, in the order given
 * @param data the bytes of {@code --data} (read from the file for {@code @FILE})
 * @param contentType {@code --content-type}; the data's, {@value #JSON} when data is given without one
 */
record EventFlags(String type, String source, String id, Optional<String> subject, List<String> extensions,
        Optional<byte[]> data, Optional<String> contentType) {

    static final String JSON = "application/json";

    /** The CloudEvents attribute names an extension must not take: they have flags of their own. */
    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of("specversion", "id", "source", "type", "subject",
            "time", "datacontenttype", "dataschema", "data", "data_base64");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]+");

    /** The event, stamped with {@code time}. */
    CloudEvent toEvent(Instant time) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withType(nonBlank("--type", type, "com.example.order.created"))
                .withSource(sourceUri())
                .withId(nonBlank("--id", id, "a UUID (the default)"))
                .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        subject.ifPresent(s -> event.withSubject(nonBlank("--subject", s, "orders/42")));
        for (String extension : extensions) {
            int equals = extension.indexOf('=');
            String name = equals < 0 ? extension : extension.substring(0, equals);
            if (equals <= 0 || !EXTENSION_NAME.matcher(name).matches()) {
                throw new BadFlag("invalid --extension '" + extension + "': want NAME=VALUE with a name of lower-case"
                        + " letters and digits (CloudEvents), e.g. --extension partitionkey=42");
            }
            if (CONTEXT_ATTRIBUTES.contains(name)) {
                throw new BadFlag("invalid --extension '" + extension + "': '" + name + "' is a CloudEvents "
                        + "attribute, not an extension" + (List.of("id", "source", "type", "subject").contains(name)
                        ? "; use --" + name : ""));
            }
            event.withExtension(name, extension.substring(equals + 1));
        }
        data.ifPresent(bytes -> {
            String mediaType = contentType.orElse(JSON);
            checkJson(mediaType, bytes);
            event.withData(mediaType, bytes);
        });
        return event.build();
    }

    private URI sourceUri() {
        try {
            return new URI(nonBlank("--source", source, "/my/producer"));
        } catch (URISyntaxException e) {
            throw new BadFlag("invalid --source '" + source + "': not a URI reference (" + e.getReason()
                    + "); e.g. /my/producer or https://example.com/producer");
        }
    }

    private static void checkJson(String mediaType, byte[] bytes) {
        String base = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals(JSON) && !base.endsWith("+json")) {
            return;
        }
        try {
            Json.mapper().readTree(bytes);
        } catch (JacksonException e) {
            String text = new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.UTF_8);
            throw new BadFlag("invalid --data '" + text + (bytes.length > 60 ? "…" : "") + "': not JSON ("
                    + e.getOriginalMessage() + "); fix it, or say what it is with --content-type, e.g. text/plain");
        } catch (java.io.IOException e) {
            throw new BadFlag("invalid --data: " + e.getMessage());
        }
    }

    private static String nonBlank(String flag, String value, String example) {
        if (value.isBlank()) {
            throw new BadFlag("invalid " + flag + " '" + value + "': must not be empty, e.g. " + example);
        }
        return value;
    }
}
