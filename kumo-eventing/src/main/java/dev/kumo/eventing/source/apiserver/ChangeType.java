package dev.kumo.eventing.source.apiserver;

/** What happened to a watched resource, named as in the event types ({@code …resource.add}). */
public enum ChangeType {
    ADD, UPDATE, DELETE;

    String eventName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
