package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The kind of channel a Channel, Sequence or Parallel is backed by, and that channel's spec as written (raw). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelTemplate(String apiVersion, String kind, JsonNode spec) {

    /** Kumo's (and Knative's stock) default: a messaging.knative.dev/v1 InMemoryChannel with an empty spec. */
    public static final ChannelTemplate IN_MEMORY_CHANNEL = new ChannelTemplate("messaging.knative.dev/v1",
            "InMemoryChannel", null);
}
