package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The URIs a Subscription resolved: subscriber, reply and dead-letter sink. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhysicalSubscription(String subscriberUri, String replyUri, String deadLetterSinkUri) {
}
