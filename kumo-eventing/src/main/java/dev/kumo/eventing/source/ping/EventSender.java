package dev.kumo.eventing.source.ping;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.util.concurrent.CompletionStage;

/** Sends one event to a sink; completes with the HTTP status, or exceptionally when nothing answered. */
@FunctionalInterface
public interface EventSender {

    CompletionStage<Integer> send(URI sink, CloudEvent event);
}
