package dev.kumo.eventing.ingress;

import dev.kumo.eventing.log.Encoded;
import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * The ingress accepts only what the dispatcher can read back: an event whose stored form (the CloudEvents JSON format)
 * does not decode is refused with 400 before it is stored, never left for a Trigger to choke on. A reply is checked
 * the same way before it is stored back into its broker.
 */
public final class StoredForm {

    /** Members of the JSON format an extension may not shadow (a {@code ce-data} header would become one). */
    private static final List<String> RESERVED = List.of("data", "data_base64");

    private StoredForm() {
    }

    /** The event, or why the log could not hand it back. */
    public static Parsed check(CloudEvent event) {
        try {
            storable(event);
            return new Parsed.Event(event);
        } catch (NotStorable e) {
            return new Parsed.Invalid(e.getMessage());
        }
    }

    /** The event's stored form, checked to read back (what the log then stores as it is); else why not. */
    public static Encoded storable(CloudEvent event) throws NotStorable {
        for (String name : RESERVED) {
            if (event.getExtension(name) != null) {
                throw new NotStorable("header ce-" + name + " (an extension named '" + name + "') is not allowed:"
                        + " '" + name + "' is reserved for the event's data in the CloudEvents JSON format; send the"
                        + " data as the request body, and give the extension another name");
            }
        }
        try {
            return Encoded.of(event);
        } catch (RuntimeException e) {
            throw new NotStorable("the event cannot be stored and read back as sent (" + e.getMessage()
                    + "): check its attribute and extension names and values");
        }
    }

    /** Why an event's stored form would not read back: the reason, in words for the sender. */
    public static final class NotStorable extends Exception {

        NotStorable(String reason) {
            super(reason, null, false, false);
        }
    }
}
