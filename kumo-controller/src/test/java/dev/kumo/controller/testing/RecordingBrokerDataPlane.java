package dev.kumo.controller.testing;

import dev.kumo.controller.broker.BrokerDataPlane;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.controller.engine.NamespacedName;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A mesh that remembers the Brokers it serves and gives them {@code http://127.0.0.1:8081/NS/NAME}. */
public final class RecordingBrokerDataPlane implements BrokerDataPlane {

    private final Map<NamespacedName, Delivery> served = new ConcurrentHashMap<>();

    @Override
    public URI upsert(NamespacedName broker, Delivery delivery) {
        served.put(broker, delivery);
        return URI.create("http://127.0.0.1:8081/" + broker.namespace() + "/" + broker.name());
    }

    @Override
    public void remove(NamespacedName broker) {
        served.remove(broker);
    }

    public Optional<Delivery> served(String namespace, String name) {
        return Optional.ofNullable(served.get(new NamespacedName(namespace, name)));
    }
}
