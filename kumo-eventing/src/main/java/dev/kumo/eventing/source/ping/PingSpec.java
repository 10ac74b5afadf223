package dev.kumo.eventing.source.ping;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One PingSource as the runner needs it, resolved from the stored object.
 *
 * @param namespace the source's namespace
 * @param name the source's name
 * @param uid the source's uid: the journal key, so a re-created source starts afresh
 * @param schedule when to fire
 * @param contentType the event's datacontenttype, if any
 * @param data the event's data (from {@code data}, or {@code dataBase64} decoded); empty for none
 * @param sink where to send the events
 * @param ceOverrides extensions set on every event
 */
public record PingSpec(String namespace, String name, String uid, PingSchedule schedule,
        Optional<String> contentType, byte[] data, URI sink, Map<String, String> ceOverrides) {

    public PingSpec {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(sink, "sink");
        data = data.clone();
        ceOverrides = Map.copyOf(ceOverrides);
    }

    /** The CloudEvents {@code source} Knative gives ping events. */
    public String eventSource() {
        return "/apis/v1/namespaces/" + namespace + "/pingsources/" + name;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
