package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whether a channel serves one subscriber ({@code duckv1.SubscriberStatus}): True, False or Unknown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriberStatus(String uid, Long observedGeneration, String ready, String message) {
}
