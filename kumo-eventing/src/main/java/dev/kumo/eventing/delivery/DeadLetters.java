package dev.kumo.eventing.delivery;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;

/**
 * The event sent to a dead-letter sink: the original with Knative's error extensions — {@code knativeerrordest}
 * (the subscriber that failed), {@code knativeerrorcode} (its last HTTP status, 500 for a network error or timeout)
 * and {@code knativeerrordata} (its last response body, base64, cut to 1024 characters as Knative does, so HTML or
 * an empty body is carried as well).
 */
public final class DeadLetters {

    public static final String ERROR_DEST = "knativeerrordest";
    public static final String ERROR_CODE = "knativeerrorcode";
    public static final String ERROR_DATA = "knativeerrordata";
    public static final int MAX_ERROR_DATA = 1024;

    /** Base64 turns 3 bytes into 4 characters: this many body bytes fill the 1024 characters exactly. */
    private static final int MAX_BODY_BYTES = MAX_ERROR_DATA / 4 * 3;

    private DeadLetters() {
    }

    /** {@code event} annotated with why its delivery to {@code destination} failed. */
    public static CloudEvent annotate(CloudEvent event, URI destination, int status, byte[] body) {
        byte[] kept = body.length > MAX_BODY_BYTES ? Arrays.copyOf(body, MAX_BODY_BYTES) : body;
        CloudEventBuilder builder = CloudEventBuilder.v1(event)
                .withExtension(ERROR_DEST, destination)
                .withExtension(ERROR_CODE, status);
        if (kept.length > 0) {
            builder.withExtension(ERROR_DATA, Base64.getEncoder().encodeToString(kept));
        }
        return builder.build();
    }
}
