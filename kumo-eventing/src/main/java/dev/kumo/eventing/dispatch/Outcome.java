package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.delivery.Retryable;
import dev.kumo.eventing.http.PercentDecoding;
import dev.kumo.eventing.ingress.EventParser;
import dev.kumo.eventing.ingress.Parsed;
import dev.kumo.eventing.ingress.StoredForm;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.vertx.VertxMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** How one delivery attempt ended. */
sealed interface Outcome {

    /** The subscriber took the event with {@code status} (a 2xx); a 200 carrying a CloudEvent is a reply. */
    record Accepted(Optional<CloudEvent> reply, int status) implements Outcome {
    }

    /** The attempt failed: the status (500 for network errors and timeouts), the response body, and whether to retry. */
    record Failed(int status, byte[] body, boolean retryable) implements Outcome {
    }

    /**
     * Classifies a response: 2xx accepted; when {@code expectReply}, a 200 with a valid CloudEvent is a reply (its
     * ce- headers read as at the ingress) and a malformed one — or one the log could not hand back — a failure (not
     * retried).
     */
    static Outcome ofResponse(int status, MultiMap headers, Buffer body, boolean expectReply) {
        if (!Retryable.accepted(status)) {
            return new Failed(status, body.getBytes(), Retryable.status(status));
        }
        if (status != 200 || !expectReply) {
            return new Accepted(Optional.empty(), status);
        }
        CloudEvent reply;
        try {
            reply = VertxMessageFactory.createReader(PercentDecoding.decodeAttributes(headers), body).toEvent();
        } catch (CloudEventRWException e) {
            if (e.getKind() == CloudEventRWException.CloudEventRWExceptionKind.UNKNOWN_ENCODING) {
                return new Accepted(Optional.empty(), status);
            }
            return malformedReply(e.getMessage());
        } catch (RuntimeException e) {
            return malformedReply(e.getMessage());
        }
        Parsed checked = EventParser.check(reply);
        if (checked instanceof Parsed.Event valid) {
            checked = StoredForm.check(valid.event());
        }
        return switch (checked) {
            case Parsed.Event valid -> new Accepted(Optional.of(valid.event()), status);
            case Parsed.Invalid invalid -> malformedReply(invalid.reason());
        };
    }

    /** A network error or timeout: retried, reported as 500 with the error as the body (as Knative does). */
    static Outcome ofError(Throwable error) {
        return new Failed(500, ("dispatch error: " + error).getBytes(StandardCharsets.UTF_8), true);
    }

    private static Outcome malformedReply(String reason) {
        return new Failed(200, ("malformed reply event: " + reason).getBytes(StandardCharsets.UTF_8), false);
    }
}
