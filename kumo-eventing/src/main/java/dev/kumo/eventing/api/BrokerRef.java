package dev.kumo.eventing.api;

/** A Broker's identity: namespace and name. */
public record BrokerRef(String namespace, String name) {

    public BrokerRef {
        Names.check("broker namespace", namespace);
        Names.check("broker name", name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
