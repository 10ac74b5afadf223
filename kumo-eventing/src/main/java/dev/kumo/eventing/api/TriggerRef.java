package dev.kumo.eventing.api;

/** A Trigger's identity: namespace and name. */
public record TriggerRef(String namespace, String name) {

    public TriggerRef {
        Names.check("trigger namespace", namespace);
        Names.check("trigger name", name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
