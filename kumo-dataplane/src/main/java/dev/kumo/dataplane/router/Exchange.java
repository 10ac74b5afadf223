package dev.kumo.dataplane.router;

import dev.kumo.runtime.support.ColdStartStages;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One request on its way through the chain: what the stages decided so far and how it ends. Used only on the
 * request's own event loop; it ends exactly once, returning its instance lease and running the done hooks.
 */
final class Exchange {

    private final HttpServerRequest request;
    private final Context context;
    private final int loop;
    private final String addressedHost;
    private RevisionStats stats;
    private long arrivalNanos;
    private boolean atZero;
    private boolean held;
    private HostRoute route;
    private RevisionTarget target;
    private Gate gate;
    private Instance instance;
    private int attempts;
    private boolean responseStarted;
    private boolean done;
    private Runnable responseStartHook;
    private Consumer<Throwable> connectFailureHandler;
    private List<Runnable> doneHooks;
    private RequestTrace trace;
    private int status;
    private int frontRoll = -1;
    private ResponseTimeouts.Watch watch;

    /** A request arriving on event loop number {@code loop} (whose {@code context} it stays on). */
    Exchange(HttpServerRequest request, Context context, int loop) {
        this(request, context, loop, null);
    }

    /**
     * A request arriving at a route's own loopback address ({@link RouteAddresses}), routed as if its Host were
     * {@code addressedHost} whatever it says.
     */
    Exchange(HttpServerRequest request, Context context, int loop, String addressedHost) {
        this.request = request;
        this.context = context;
        this.loop = loop;
        this.addressedHost = addressedHost;
    }

    /** The host whose route the request takes: the address's route, else its Host (lower case, without port). */
    String routeKey() {
        return addressedHost != null ? addressedHost : HostHeader.routeKey(host());
    }

    /** The host the client addressed as it sent it: HTTP/1.1's Host header or HTTP/2's {@code :authority}. */
    String host() {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null || request.version() != HttpVersion.HTTP_2) {
            return host;
        }
        HostAndPort authority = request.authority();
        return authority == null ? null : authority.port() < 0 ? authority.host()
                : authority.host() + ":" + authority.port();
    }

    HttpServerRequest request() {
        return request;
    }

    Context context() {
        return context;
    }

    HostRoute route() {
        return route;
    }

    /** The Netty front's draw for this handed-off request ({@link FrontPick}), else -1. */
    int frontRoll() {
        return frontRoll;
    }

    void frontRoll(int roll) {
        this.frontRoll = roll;
    }

    void route(HostRoute route) {
        this.route = route;
    }

    RevisionTarget target() {
        return target;
    }

    void target(RevisionTarget target) {
        this.target = target;
    }

    /** The instance leased by the gate for the current attempt. */
    Instance instance() {
        return instance;
    }

    void leased(Gate gate, Instance instance) {
        this.gate = gate;
        this.instance = instance;
        this.held = false;
        if (trace != null) {
            trace.leased();
        }
    }

    /** The request is traced: {@code trace} takes its waits and proxy attempts and ends with it. */
    void traced(RequestTrace trace) {
        this.trace = trace;
    }

    /** The request waits for an instance behind the revision's containerConcurrency. */
    void queued() {
        if (trace != null) {
            trace.waitStarted(false, target.revisionName());
        }
    }

    /** An attempt to reach the leased instance begins (the proxy stages call it before connecting). */
    void proxyStarting() {
        if (trace != null) {
            trace.proxyStarted(target.revisionName(), instance);
        }
    }

    /** Gives the instance the trace context of this attempt, when traced (after the forwarded headers are copied). */
    void injectTrace(MultiMap headers) {
        if (trace != null) {
            trace.inject(headers);
        }
    }

    /** From now on the request counts towards {@code stats}, as arrived at {@code nowNanos}. */
    void metered(RevisionStats stats, long nowNanos) {
        this.stats = stats;
        this.arrivalNanos = nowNanos;
        stats.arrive(loop, nowNanos);
    }

    /** The activator holds the request: its revision has no ready instance (a cold start). */
    void heldAtZero() {
        atZero = true;
        held = true;
        loggedStage("arrived", arrivalNanos);
        loggedStage("held", System.nanoTime());
        if (trace != null) {
            trace.waitStarted(true, target.revisionName());
        }
    }

    /** A request held at zero reached {@code stage} of its cold start now ({@link ColdStartStages}). */
    void coldStartStage(String stage) {
        coldStartStage(stage, System.nanoTime());
    }

    /** A request held at zero reached {@code stage} at {@code nanos} ({@link System#nanoTime}). */
    void coldStartStage(String stage, long nanos) {
        if (atZero) {
            loggedStage(stage, nanos);
        }
    }

    private void loggedStage(String stage, long nanos) {
        ColdStartStages.reached(target.revision().namespace(), target.revision().name(), stage, nanos);
    }

    /** The W3C trace id of the request's span, when it is traced and sampled. */
    Optional<String> traceId() {
        return trace == null ? Optional.empty() : trace.traceId();
    }

    /** Whether the request is held for want of a ready instance right now. */
    boolean isHeld() {
        return held;
    }

    /** Counts a failed connection attempt and returns how many there have been. */
    int nextAttempt() {
        return ++attempts;
    }

    boolean isDone() {
        return done;
    }

    void onResponseStart(Runnable hook) {
        responseStartHook = hook;
    }

    void onConnectFailure(Consumer<Throwable> handler) {
        connectFailureHandler = handler;
    }

    void onDone(Runnable hook) {
        if (doneHooks == null) {
            doneHooks = new ArrayList<>(3);
        }
        doneHooks.add(hook);
    }

    /** Whether the response-start and idle timeouts time this request ({@link ResponseTimeouts}). */
    boolean isWatched() {
        return watch != null;
    }

    /** {@code watch} times the response from now until the request ends. */
    void watch(ResponseTimeouts.Watch watch) {
        this.watch = watch;
        onDone(watch::stop);
    }

    /** Something of the response went to the client: the idle timeout counts from now. */
    void wrote() {
        if (watch != null) {
            watch.wrote();
        }
    }

    /** The connection became a tunnel (WebSocket, CONNECT): no response timeouts from now on. */
    void tunnelled() {
        if (watch != null) {
            watch.stop();
        }
    }

    boolean hasResponseStarted() {
        return responseStarted;
    }

    /** The backend's response head arrived: from now on only the client connection can carry an error. */
    void responseStarted(int status) {
        responseStarted = true;
        wrote();
        firstByte(status, instance);
        if (responseStartHook != null) {
            responseStartHook.run();
        }
    }

    /** The instance could not be reached and nothing was sent: eject it and let the retry stage decide. */
    void connectFailed(Throwable cause) {
        if (done) {
            return;
        }
        gate.ejectAndRelease(instance);
        instance = null;
        if (trace != null) {
            trace.proxyFailed(cause);
        }
        if (connectFailureHandler != null) {
            connectFailureHandler.accept(cause);
        } else {
            fail(502, "connecting to revision " + target.revision() + ": " + cause.getMessage());
        }
    }

    /** Answers {@code status} with a plain-text {@code message}, or drops the connection if a response started. */
    void fail(int status, String message) {
        if (done) {
            return;
        }
        if (responseStarted) {
            abort();
            return;
        }
        responseStarted = true;
        firstByte(status, null);
        HttpServerResponse response = request.response();
        boolean unreadBody = RequestBody.present(request) && !request.isEnded();
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (unreadBody && request.version() != HttpVersion.HTTP_2) {
            // Draining an unread upload could take long: answer, then close instead.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.end(message + "\n").onComplete(v -> request.connection().close());
        } else {
            response.end(message + "\n");
            request.resume();
        }
        finish();
    }

    /** The response completed: return the lease. */
    void complete() {
        finish();
    }

    /** Something broke mid-stream or the client left: close the client connection and clean up. */
    void abort() {
        if (done) {
            return;
        }
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset(); // one stream of a shared connection: the others go on
        } else {
            request.connection().close();
        }
        finish();
    }

    private void firstByte(int status, Instance servedBy) {
        this.status = status;
        if (stats != null) {
            stats.firstByte(status, System.nanoTime() - arrivalNanos, atZero, servedBy);
        }
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        if (stats != null) {
            stats.leave(loop, System.nanoTime());
        }
        if (instance != null) {
            gate.release(instance);
            instance = null;
        }
        if (doneHooks != null) {
            doneHooks.forEach(Runnable::run);
        }
        if (trace != null) {
            trace.end(status, target == null ? null : target.revisionName());
        }
    }
}
