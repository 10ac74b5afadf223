package dev.kumo.eventing.source.ping;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds the event a PingSource sends for one tick. */
final class PingEvents {

    /** Knative's type for ping events. */
    static final String TYPE = "dev.knative.sources.ping";

    private PingEvents() {
    }

    /**
     * The event for {@code tick}. Its id is derived from the source's uid and the tick, so a tick fired again after
     * a crash carries the same (source, id) and receivers can drop the duplicate.
     */
    static CloudEvent forTick(PingSpec spec, Instant tick) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(spec.uid() + "-" + tick.toEpochMilli())
                .withSource(URI.create(spec.eventSource()))
                .withType(TYPE)
                .withTime(tick.atOffset(ZoneOffset.UTC));
        spec.ceOverrides().forEach(builder::withExtension);
        byte[] data = spec.data();
        if (data.length > 0) {
            spec.contentType().ifPresentOrElse(type -> builder.withData(type, data), () -> builder.withData(data));
        } else {
            spec.contentType().ifPresent(builder::withDataContentType);
        }
        return builder.build();
    }
}
