package dev.kumo.store;

import dev.kumo.store.internal.SqliteBackend;
import dev.kumo.store.internal.StoreEngine;
import java.nio.file.Path;

/**
 * The default store: an embedded SQLite database ({@value #DATABASE_FILE}) in a data directory, in WAL mode, written
 * by this process alone. A write is on disk when its method returns.
 */
public final class SqliteStore {

    /** The database file inside the data directory. */
    public static final String DATABASE_FILE = "kumo.db";

    private SqliteStore() {
    }

    /** Opens (creating when needed) the store in {@code dataDir} with default options. */
    public static ResourceStore open(Path dataDir) {
        return open(dataDir, SqliteOptions.DEFAULTS);
    }

    /**
     * Opens (creating when needed) the store in {@code dataDir}; an {@link IllegalStateException} if another store
     * has that directory open.
     */
    public static ResourceStore open(Path dataDir, SqliteOptions options) {
        return new StoreEngine(SqliteBackend.open(dataDir.resolve(DATABASE_FILE), options.synchronous()),
                options.store());
    }
}
