package dev.kumo.controller.engine;

/** Where a controller's keys can be added from outside its watches (e.g. when a runtime reports a change). */
@FunctionalInterface
public interface KeyQueue {

    void enqueue(NamespacedName key);
}
