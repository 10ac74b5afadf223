package dev.kumo.store;

/** A running watch; closing it stops the events and calls the listener's {@code closed}. */
public interface Watch extends AutoCloseable {

    @Override
    void close();
}
