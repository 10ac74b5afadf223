package dev.kumo.eventing.log;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

/**
 * How an event is kept in the log: the CloudEvents JSON format with the data always as {@code data_base64}, so the
 * data comes back byte for byte whatever its content type.
 */
public final class EventCodec {

    private static final JsonFormat FORMAT = new JsonFormat().withForceJsonDataToBase64();

    private EventCodec() {
    }

    public static byte[] encode(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    public static CloudEvent decode(byte[] stored) {
        return FORMAT.deserialize(stored);
    }
}
