package dev.kumo.eventing.delivery;

/**
 * Which failed attempts are retried, as Knative's {@code SelectiveRetry}: network errors and timeouts, 404 (the
 * subscriber may still be starting), 408, 409, 429 and every 5xx; never 400, 401, 403, other 4xx nor 3xx.
 */
public final class Retryable {

    private Retryable() {
    }

    /** True for an HTTP status worth another attempt. */
    public static boolean status(int status) {
        return status >= 500 || status == 404 || status == 408 || status == 409 || status == 429;
    }

    /** True for a 2xx: the subscriber took the event. */
    public static boolean accepted(int status) {
        return status >= 200 && status < 300;
    }
}
