package dev.kumo.controller.events;

/** Hands each component the recorder it reports through, named as its Events' {@code source.component}. */
@FunctionalInterface
public interface EventRecorders {

    /** Records nothing. */
    EventRecorders NONE = component -> EventRecorder.NONE;

    EventRecorder recorder(String component);
}
