package dev.kumo.dataplane.router;

import dev.kumo.runtime.spi.InstanceAddress;

/**
 * One request the Netty front admitted: its revision, the instance it leased and the request's meters, as
 * {@link Exchange} keeps them on the Vert.x path. Used on the request's event loop only; {@link #end()} once.
 */
public final class FrontLease {

    /** Connection attempts before 502, as the Vert.x path's {@link ConnectRetry}. */
    private static final int MAX_CONNECT_ATTEMPTS = Pipeline.MAX_CONNECT_ATTEMPTS;

    private final RevisionTarget target;
    private final int loop;
    private final long arrivalNanos;
    private Instance instance;
    private final RequestTrace trace;
    private int attempts;
    private int status;
    private boolean ended;

    /** With {@code trace} null, the request is not traced. */
    FrontLease(RevisionTarget target, Instance instance, int loop, long arrivalNanos, RequestTrace trace) {
        this.target = target;
        this.instance = instance;
        this.loop = loop;
        this.arrivalNanos = arrivalNanos;
        this.trace = trace;
        target.stats().arrive(loop, arrivalNanos);
        proxyStarting();
    }

    private void proxyStarting() {
        if (trace != null) {
            trace.proxyStarted(target.revisionName(), instance);
        }
    }

    /** Gives the instance the trace context of this attempt, when traced (after the forwarded headers). */
    public void injectTrace(io.netty.handler.codec.http.HttpHeaders headers) {
        if (trace != null) {
            trace.inject(headers);
        }
    }

    /** The leased instance's address (null after a failed connection found no other instance). */
    public InstanceAddress address() {
        return instance == null ? null : instance.address;
    }

    /** The revision's {@code timeoutSeconds}: the first-byte timeout. */
    public int timeoutSeconds() {
        return target.settings().timeoutSeconds();
    }

    /** The revision as messages name it ({@code namespace/name}). */
    public String revision() {
        return target.revisionName();
    }

    /** The response head of status {@code status} arrived from the instance. */
    public void responseStarted(int status) {
        this.status = status;
        target.stats().firstByte(status, System.nanoTime() - arrivalNanos, false, instance);
    }

    /** The router answered {@code status} itself. */
    public void answered(int status) {
        this.status = status;
        target.stats().firstByte(status, System.nanoTime() - arrivalNanos, false, null);
    }

    /** The router's answer when no instance could take the request. */
    public record Failure(int status, String message) {
    }

    /**
     * The instance could not be connected to (nothing was sent): ejects it, returns its lease and leases another;
     * returns the answer when no attempt is left (502) or no instance admits the request now (503), else null.
     */
    public Failure connectFailed(Throwable cause) {
        target.gate().ejectAndRelease(instance);
        instance = null;
        if (trace != null) {
            trace.proxyFailed(cause);
        }
        if (++attempts >= MAX_CONNECT_ATTEMPTS) {
            return new Failure(502, "connecting to revision " + target.revision() + " failed " + MAX_CONNECT_ATTEMPTS
                    + " times, last: " + cause.getMessage());
        }
        instance = target.gate().tryLease();
        if (instance != null) {
            proxyStarting();
        }
        return instance == null ? new Failure(503,
                target.context().noEndpointMessage(target.context().instances().current().length)) : null;
    }

    /** What the instance is called in a 502's text. */
    public String instanceName() {
        return String.valueOf(instance);
    }

    /** The request ended (answered, failed or abandoned): returns the lease and stops counting it. */
    public void end() {
        if (ended) {
            return;
        }
        ended = true;
        target.stats().leave(loop, System.nanoTime());
        if (instance != null) {
            target.gate().release(instance);
            instance = null;
        }
        if (trace != null) {
            trace.end(status, target.revisionName());
        }
    }
}
