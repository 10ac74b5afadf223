package dev.kumo.dataplane.router;

import dev.kumo.runtime.spi.InstanceAddress;
import java.util.List;

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
    private Instance lastInstance;
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
        lastInstance = instance;
        if (trace != null) {
            trace.proxyStarted(target.revisionName(), instance);
        }
    }

    /**
     * The trace context of this attempt for the instance's head, as name, value, name, value…; null when the
     * request is not traced.
     */
    List<String> traceFields() {
        return trace == null ? null : trace.fields();
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

    /** What follows a failed connection: another attempt, a final answer, or the Vert.x gate's decision. */
    public sealed interface AfterConnectFailure {
    }

    /** Another instance is leased: connect again. */
    public record Retry() implements AfterConnectFailure {
    }

    /** No attempt is left: answer {@code status} with {@code message}. */
    public record Failure(int status, String message) implements AfterConnectFailure {
    }

    /**
     * No instance admits the request now: the Vert.x router's gate queues, holds or rejects it; {@code message} is
     * the answer where the request can no longer be handed to it.
     */
    public record NoneFree(String message) implements AfterConnectFailure {
    }

    /**
     * The instance could not be connected to (nothing was sent): ejects it, returns its lease and leases another
     * when one admits the request now.
     */
    public AfterConnectFailure connectFailed(Throwable cause) {
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
            return new Retry();
        }
        return new NoneFree(noneFreeMessage());
    }

    private String noneFreeMessage() {
        GateContext context = target.context();
        Instance[] all = context.instances().current();
        long now = context.nanoClock().getAsLong();
        for (Instance candidate : all) {
            if (candidate.usable(now)) {
                return "revision " + target.revision() + " is overloaded: every usable instance is at its "
                        + "containerConcurrency after a connection failure";
            }
        }
        return context.noEndpointMessage(all.length);
    }

    /** What the instance is called in a 502's text: the one leased last. */
    public String instanceName() {
        return String.valueOf(instance == null ? lastInstance : instance);
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
