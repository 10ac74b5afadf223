package dev.kumo.store;

import dev.kumo.store.internal.MemoryBackend;
import dev.kumo.store.internal.StoreEngine;

/** A store that keeps everything in memory, with exactly the semantics of the SQLite store; for tests. */
public final class InMemoryStore {

    private InMemoryStore() {
    }

    /** An empty store with default options. */
    public static ResourceStore create() {
        return create(StoreOptions.DEFAULTS);
    }

    /** An empty store. */
    public static ResourceStore create(StoreOptions options) {
        return new StoreEngine(new MemoryBackend(), options);
    }
}
