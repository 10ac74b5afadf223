package dev.kumo.eventing;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Small events for tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static CloudEvent event(String id, String type) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/test")).withType(type)
                .withData("application/json", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
