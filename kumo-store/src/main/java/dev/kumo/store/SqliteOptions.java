package dev.kumo.store;

/**
 * Settings of the SQLite store: how hard each commit is pushed to disk, and the settings every store shares.
 *
 * @param synchronous {@code FULL} (the default) makes every acknowledged write survive a power loss;
 *     {@code NORMAL} still survives a crash of the process but may lose the last commits on power loss
 */
public record SqliteOptions(Synchronous synchronous, StoreOptions store) {

    /** SQLite's {@code PRAGMA synchronous} levels Kumo offers. */
    public enum Synchronous { FULL, NORMAL }

    public static final SqliteOptions DEFAULTS = new SqliteOptions(Synchronous.FULL, StoreOptions.DEFAULTS);

    public SqliteOptions {
        if (synchronous == null || store == null) {
            throw new IllegalArgumentException("synchronous and store options are required");
        }
    }

    public SqliteOptions withSynchronous(Synchronous synchronous) {
        return new SqliteOptions(synchronous, store);
    }

    public SqliteOptions withStore(StoreOptions store) {
        return new SqliteOptions(synchronous, store);
    }
}
