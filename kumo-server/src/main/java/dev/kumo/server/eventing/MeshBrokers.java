package dev.kumo.server.eventing;

import dev.kumo.controller.broker.BrokerDataPlane;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import java.net.URI;

/** The Broker reconciler's data plane: the event mesh, addressed on {@code advertisedHost}. */
final class MeshBrokers implements BrokerDataPlane {

    private final EventMesh mesh;
    private final String advertisedHost;

    MeshBrokers(EventMesh mesh, String advertisedHost) {
        this.mesh = mesh;
        this.advertisedHost = advertisedHost;
    }

    @Override
    public URI upsert(NamespacedName broker, Delivery delivery) {
        mesh.upsertBroker(new BrokerSpec(ref(broker), DeliveryMapping.toMesh(delivery)));
        return URI.create("http://" + advertisedHost + ":" + mesh.port() + "/" + broker.namespace() + "/"
                + broker.name());
    }

    @Override
    public void remove(NamespacedName broker) {
        mesh.removeBroker(ref(broker));
    }

    private static BrokerRef ref(NamespacedName broker) {
        return new BrokerRef(broker.namespace(), broker.name());
    }
}
