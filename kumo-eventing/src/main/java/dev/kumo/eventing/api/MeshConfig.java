package dev.kumo.eventing.api;

import dev.kumo.http.ListenerLimits;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The event mesh's settings, each default given in {@link #defaults(Path)}.
 *
 * @param host the ingress bind address (loopback by default)
 * @param port the ingress port, 0 for any free port
 * @param database the event log's SQLite file, e.g. {@code DATA_DIR/events.db}
 * @param fsync true (the default) syncs each batch in the log's ingress journal before its 202, so an accepted
 *     event survives power loss; false leaves it to SQLite's {@code NORMAL} commits, which survive a crash of the
 *     process
 * @param maxEventBytes the largest request body the ingress accepts (413 beyond it)
 * @param maxInFlightPerTrigger how many deliveries one Trigger has under way at once
 * @param readAheadEvents how far one Trigger may read past its oldest unfinished event
 * @param defaultDelivery the delivery of Triggers whose Broker and themselves set none
 * @param defaultAttemptTimeout the per-attempt timeout when the delivery spec sets none
 * @param retainFinished how long events every Trigger has finished are kept
 * @param retainFinishedEvents how many finished events per Broker are kept at most
 * @param limits how long the ingress waits for slow clients (header read, idle)
 * @param openTelemetry where the ingress, filter, delivery and reply spans go; {@link OpenTelemetry#noop()} (the
 *     default) traces nothing and leaves the events' trace context as it came
 * @param deliveryEngine the client of plain-HTTP deliveries to IP addresses (and {@code .localhost} names):
 *     Vert.x's ({@link DeliveryEngine#VERTX}, the default) or {@link DeliveryEngine#NETTY} (opt-in until a quiet
 *     measurement shows its gain, README evperf7); https and the rest always go through Vert.x
 */
public record MeshConfig(String host, int port, Path database, boolean fsync, int maxEventBytes,
        int maxInFlightPerTrigger, int readAheadEvents, DeliverySpec defaultDelivery, Duration defaultAttemptTimeout,
        Duration retainFinished, long retainFinishedEvents, ListenerLimits limits, OpenTelemetry openTelemetry,
        DeliveryEngine deliveryEngine) {

    public MeshConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(defaultDelivery, "defaultDelivery");
        Objects.requireNonNull(defaultAttemptTimeout, "defaultAttemptTimeout");
        Objects.requireNonNull(retainFinished, "retainFinished");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        Objects.requireNonNull(deliveryEngine, "deliveryEngine");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("eventing port is " + port + ", want 0–65535 (0 = any free port)");
        }
        atLeast("max-event-bytes", maxEventBytes, 1024);
        atLeast("max-in-flight-per-trigger", maxInFlightPerTrigger, 1);
        atLeast("read-ahead-events", readAheadEvents, maxInFlightPerTrigger);
        atLeast("retain-finished-events", retainFinishedEvents, 0);
    }

    /** Loopback, any free port, the log at {@code database}, fsync on, 1 MiB events, 100 deliveries in flight per
     *  Trigger, 10,000 events read ahead, Knative's default delivery, 30 s attempts, finished events kept 10 minutes
     *  and at most 100,000 per Broker, {@link ListenerLimits#DEFAULTS}, deliveries on Vert.x's client. */
    public static MeshConfig defaults(Path database) {
        return new MeshConfig("127.0.0.1", 0, database, true, 1 << 20, 100, 10_000, DeliverySpec.KNATIVE_DEFAULT,
                Duration.ofSeconds(30), Duration.ofMinutes(10), 100_000, ListenerLimits.DEFAULTS, OpenTelemetry.noop(),
                DeliveryEngine.VERTX);
    }

    public MeshConfig withHost(String host) {
        return new MeshConfig(host, port, database, fsync, maxEventBytes, maxInFlightPerTrigger, readAheadEvents,
                defaultDelivery, defaultAttemptTimeout, retainFinished, retainFinishedEvents, limits,
                openTelemetry, deliveryEngine);
    }

    public MeshConfig withPort(int port) {
        return new MeshConfig(host, port, database, fsync, maxEventBytes, maxInFlightPerTrigger, readAheadEvents,
                defaultDelivery, defaultAttemptTimeout, retainFinished, retainFinishedEvents, limits,
                openTelemetry, deliveryEngine);
    }

    public MeshConfig withMaxEventBytes(int bytes) {
        return new MeshConfig(host, port, database, fsync, bytes, maxInFlightPerTrigger, readAheadEvents,
                defaultDelivery, defaultAttemptTimeout, retainFinished, retainFinishedEvents, limits,
                openTelemetry, deliveryEngine);
    }

    public MeshConfig withInFlight(int perTrigger, int readAhead) {
        return new MeshConfig(host, port, database, fsync, maxEventBytes, perTrigger, readAhead,
                defaultDelivery, defaultAttemptTimeout, retainFinished, retainFinishedEvents, limits,
                openTelemetry, deliveryEngine);
    }

    public MeshConfig withDefaultDelivery(DeliverySpec delivery) {
        return new MeshConfig(host, port, database, fsync, maxEventBytes, maxInFlightPerTrigger, readAheadEvents,
                delivery, defaultAttemptTimeout, retainFinished, retainFinishedEvents, limits,
                openTelemetry, deliveryEngine);
    }

    public MeshConfig withRetention(Duration finished, long finishedEvents) {
        return new MeshConfig(host, port, database, fsync, maxEventBytes, maxInFlightPerTrigger, readAheadEvents,
                defaultDelivery, defaultAttemptTimeout, finished, finishedEvents, limits, openTelemetry, deliveryEngine);
    }

    public MeshConfig withLimits(ListenerLimits limits) {
        return new MeshConfig(host, port, database, fsync, maxEventBytes, maxInFlightPerTrigger, readAheadEvents,
                defaultDelivery, defaultAttemptTimeout, retainFinished, retainFinishedEvents, limits,
                openTelemetry, deliveryEngine);
    }

    /** The same, tracing events with {@code openTelemetry}. */
    public MeshConfig withOpenTelemetry(OpenTelemetry openTelemetry) {
        return new MeshConfig(host, port, database, fsync, maxEventBytes, maxInFlightPerTrigger, readAheadEvents,
                defaultDelivery, defaultAttemptTimeout, retainFinished, retainFinishedEvents, limits, openTelemetry, deliveryEngine);
    }

    /** The same, plain-HTTP deliveries on {@code engine}. */
    public MeshConfig withDeliveryEngine(DeliveryEngine engine) {
        return new MeshConfig(host, port, database, fsync, maxEventBytes, maxInFlightPerTrigger, readAheadEvents,
                defaultDelivery, defaultAttemptTimeout, retainFinished, retainFinishedEvents, limits, openTelemetry,
                engine);
    }

    private static void atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException("eventing " + key + " is " + value + ", want >= " + min);
        }
    }
}
