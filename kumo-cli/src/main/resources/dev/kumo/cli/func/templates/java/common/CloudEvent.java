package kumo.func;

import java.util.Map;

/**
 * A CloudEvent as Kumo's invoker hands it to a function and sends the one it returns (in binary mode): the data as
 * text (JSON as its text), extensions by their attribute names. A returned event's empty id, source or specversion
 * are filled in by the invoker.
 */
public record CloudEvent(String id, String source, String type, String dataContentType, String subject, String data,
        Map<String, String> extensions) {

    public CloudEvent {
        extensions = Map.copyOf(extensions);
    }

    /** A new event of {@code type} with {@code data} of {@code dataContentType}, its id and source left to the invoker. */
    public static CloudEvent of(String type, String dataContentType, String data) {
        return new CloudEvent("", "", type, dataContentType, "", data, Map.of());
    }
}
