package dev.kumo.eventing.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.util.Optional;

/**
 * An event as read back from the log, with its sequence number (unique across the log, rising). A row that no longer
 * decodes is still handed out, {@linkplain #unreadable() with the reason}, so the reader can account for it and go on.
 */
public final class StoredEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seq;
    private final CloudEvent event;
    private final String unreadable;
    private final String id;

    private StoredEvent(long seq, CloudEvent event, String unreadable, String id) {
        this.seq = seq;
        this.event = event;
        this.unreadable = unreadable;
        this.id = id;
    }

    public StoredEvent(long seq, CloudEvent event) {
        this(seq, event, null, event.getId());
    }

    /** The row decoded, or an unreadable entry naming its id (when the JSON still has one) and why. */
    static StoredEvent decode(long seq, byte[] row) {
        try {
            return new StoredEvent(seq, EventCodec.decode(row));
        } catch (RuntimeException e) {
            return new StoredEvent(seq, null, String.valueOf(e.getMessage()), idOf(row));
        }
    }

    public long seq() {
        return seq;
    }

    /** The event's id; for an unreadable row the {@code id} member of its JSON, else "?". */
    public String id() {
        return id;
    }

    /** Why the stored form could not be decoded; empty for a readable event. */
    public Optional<String> unreadable() {
        return Optional.ofNullable(unreadable);
    }

    /** The event; throws {@link LogFailure} for an {@linkplain #unreadable() unreadable} row. */
    public CloudEvent event() {
        if (event == null) {
            throw new LogFailure("event id=" + id + " (seq " + seq + ") cannot be decoded: " + unreadable);
        }
        return event;
    }

    private static String idOf(byte[] row) {
        try {
            JsonNode id = JSON.readTree(row).path("id");
            return id.isTextual() ? id.asText() : "?";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    @Override
    public String toString() {
        return "StoredEvent[seq=" + seq + ", id=" + id + (unreadable == null ? "" : ", unreadable: " + unreadable)
                + "]";
    }
}
