package dev.kumo.eventing.log;

import io.cloudevents.CloudEvent;

/** An event as read back from the log, with its sequence number (unique across the log, rising). */
public record StoredEvent(long seq, CloudEvent event) {
}
