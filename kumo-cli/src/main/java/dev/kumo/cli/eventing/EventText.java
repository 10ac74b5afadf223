package dev.kumo.cli.eventing;

import dev.kumo.cli.client.PlainHttp;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** How {@code kumo event send} prints events and answers: attribute lines, then the status and a reply or body. */
public final class EventText {

    private EventText() {
    }

    /** {@code "  name: value"} per attribute set, context attributes in the spec's order, then extensions by name. */
    static List<String> attributes(CloudEvent event) {
        List<String> lines = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("specversion", "id", "source", "type", "subject", "time",
                "datacontenttype", "dataschema"));
        names.retainAll(event.getAttributeNames());
        names.addAll(new TreeSet<>(event.getAttributeNames()).stream().filter(n -> !names.contains(n)).toList());
        for (String name : names) {
            Object value = event.getAttribute(name);
            if (value instanceof OffsetDateTime time) {
                value = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time); // toString() drops zero seconds
            }
            if (value != null) {
                lines.add("  " + name + ": " + value);
            }
        }
        for (String name : new TreeSet<>(event.getExtensionNames())) {
            lines.add("  " + name + ": " + event.getExtension(name));
        }
        return lines;
    }

    /**
     * The answer as stdout shows it: the status line, then a reply event's attributes and data when the response
     * carries one (binary or structured), else the body.
     */
    public static String answer(PlainHttp.Response response) {
        StringBuilder text = new StringBuilder(response.code() + " " + response.reason()).append('\n');
        if (carriesEvent(response)) {
            try {
                MessageReader reader = HttpMessageFactory.createReaderFromMultimap(response.headers(),
                        response.body());
                CloudEvent reply = reader.toEvent();
                text.append("Reply event:\n");
                attributes(reply).forEach(line -> text.append(line).append('\n'));
                if (reply.getData() != null) {
                    text.append("Data:\n").append(body(reply.getData().toBytes()));
                }
                return text.toString();
            } catch (CloudEventRWException | IllegalStateException e) {
                text.append("(the response looks like a CloudEvent but is not a valid one: ").append(e.getMessage())
                        .append(")\n");
            }
        }
        return text.append(body(response.body())).toString();
    }

    private static boolean carriesEvent(PlainHttp.Response response) {
        return response.header("ce-specversion").isPresent() || response.header("content-type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/cloudevents+json")).orElse(false);
    }

    private static String body(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
