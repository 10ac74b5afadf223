package dev.kumo.eventing;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * A mesh on its own Vert.x with Broker {@code default/b} and one Trigger taking every event to a recording
 * subscriber, and a producer posting to its ingress.
 */
public final class OneTriggerMesh implements AutoCloseable {

    public static final BrokerRef BROKER = new BrokerRef("default", "b");
    public static final String PATH = "/default/b";
    public static final TriggerRef TRIGGER = new TriggerRef("default", "all");

    private final Vertx vertx;
    private final EventMesh mesh;
    private final RecordingSubscriber subscriber;
    private final Ingress ingress;
    private boolean closed;

    private OneTriggerMesh(MeshConfig config) throws Exception {
        vertx = Vertx.vertx();
        subscriber = RecordingSubscriber.start(vertx);
        mesh = EventMesh.start(vertx, config, Clock.systemUTC());
        mesh.upsertBroker(new BrokerSpec(BROKER));
        mesh.upsertTrigger(new TriggerSpec(TRIGGER, "b", event -> true, subscriber.uri(),
                DeliverySpec.NONE));
        ingress = new Ingress(mesh.port());
    }

    public static OneTriggerMesh start(MeshConfig config) throws Exception {
        return new OneTriggerMesh(config);
    }

    public Vertx vertx() {
        return vertx;
    }

    public EventMesh mesh() {
        return mesh;
    }

    public RecordingSubscriber subscriber() {
        return subscriber;
    }

    public Ingress ingress() {
        return ingress;
    }

    /** Closes the mesh, the subscriber and Vert.x; a second call does nothing. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        mesh.close();
        subscriber.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
