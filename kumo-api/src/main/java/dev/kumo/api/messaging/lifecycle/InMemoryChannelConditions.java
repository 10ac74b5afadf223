package dev.kumo.api.messaging.lifecycle;

import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.util.List;

/**
 * An InMemoryChannel's conditions (Knative's {@code in_memory_channel_lifecycle.go}). Kumo's channel is served by
 * the event mesh in the server's process: its service, endpoints and channel service are ready together.
 */
public final class InMemoryChannelConditions {

    public static final String READY = "Ready";
    public static final String SERVICE_READY = "ServiceReady";
    public static final String ENDPOINTS_READY = "EndpointsReady";
    public static final String ADDRESSABLE = "Addressable";
    public static final String CHANNEL_SERVICE_READY = "ChannelServiceReady";
    public static final String DEAD_LETTER_SINK_RESOLVED = "DeadLetterSinkResolved";

    public static final ConditionSet SET = new ConditionSet(READY, List.of(SERVICE_READY, ENDPOINTS_READY,
            ADDRESSABLE, CHANNEL_SERVICE_READY, DEAD_LETTER_SINK_RESOLVED));

    private InMemoryChannelConditions() {
    }
}
