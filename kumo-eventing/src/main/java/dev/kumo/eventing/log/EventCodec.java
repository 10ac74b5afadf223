package dev.kumo.eventing.log;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

/**
 * How an event is kept in the log: the CloudEvents JSON format with the data always as {@code data_base64}, so the
 * data comes back byte for byte whatever its content type. An event the SDK parsed from a request is written directly
 * ({@link StoredJson}); any other by the SDK's {@code JsonFormat}.
 */
public final class EventCodec {

    private static final JsonFormat FORMAT = new JsonFormat().withForceJsonDataToBase64();

    private EventCodec() {
    }

    public static byte[] encode(CloudEvent event) {
        return ReadsBack.exactly(event) ? StoredJson.write(event) : FORMAT.serialize(event);
    }

    public static CloudEvent decode(byte[] stored) {
        return FORMAT.deserialize(stored);
    }
}
