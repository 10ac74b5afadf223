package dev.kumo.eventing.log;

import io.cloudevents.CloudEvent;

/**
 * An event in the log's stored form: the bytes written, and the event as a reader decodes them — kept in memory for
 * readers close behind the head so that they need not decode it again. An event of the form the SDK parses from a
 * request is known to read back equal ({@link ReadsBack}) and is kept as it is; any other is decoded.
 */
public record Encoded(byte[] bytes, CloudEvent event) {

    /** Encodes {@code event} and, unless it is known to, decodes it back; the SDK's exception when it does not. */
    public static Encoded of(CloudEvent event) {
        if (ReadsBack.exactly(event)) {
            return new Encoded(StoredJson.write(event), event);
        }
        byte[] bytes = EventCodec.encode(event);
        return new Encoded(bytes, EventCodec.decode(bytes));
    }
}
