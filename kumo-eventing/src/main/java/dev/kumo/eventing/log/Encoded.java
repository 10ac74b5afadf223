package dev.kumo.eventing.log;

import io.cloudevents.CloudEvent;

/**
 * An event in the log's stored form: the bytes written, and the event as a reader decodes them — kept in memory for
 * readers close behind the head so that they need not decode it again.
 */
public record Encoded(byte[] bytes, CloudEvent event) {

    /** Encodes {@code event} and decodes it back; the SDK's exception when it does not read back. */
    public static Encoded of(CloudEvent event) {
        byte[] bytes = EventCodec.encode(event);
        return new Encoded(bytes, EventCodec.decode(bytes));
    }
}
