package dev.kumo.eventing.log;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.data.BytesCloudEventData;
import java.util.Set;

/**
 * Whether an event's stored form ({@link EventCodec}) is known to decode to an equal event without decoding it: a
 * 1.0 event with its required attributes, data absent or plain bytes, and extensions whose names are the CloudEvents
 * ones ({@code [a-z0-9]+}, none a member of the JSON format) with values the JSON format reads back as the same type
 * (String, Integer, Boolean). What the SDK parsed from a request is of that form; anything else is decoded to check.
 */
final class ReadsBack {

    /** The JSON format's own members: an extension of that name would be read back as something else. */
    private static final Set<String> MEMBERS = Set.of("specversion", "id", "source", "type", "datacontenttype",
            "dataschema", "subject", "time", "data", "data_base64");

    private ReadsBack() {
    }

    static boolean exactly(CloudEvent event) {
        if (event.getSpecVersion() != SpecVersion.V1 || isEmpty(event.getId()) || isEmpty(event.getType())
                || event.getSource() == null || event.getSource().toString().isEmpty()) {
            return false;
        }
        if (event.getData() != null && !(event.getData() instanceof BytesCloudEventData)) {
            return false;
        }
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (!isPlainName(name) || MEMBERS.contains(name)
                    || !(value instanceof String || value instanceof Integer || value instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static boolean isPlainName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
