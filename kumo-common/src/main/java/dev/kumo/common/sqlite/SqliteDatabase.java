package dev.kumo.common.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite database file as Kumo keeps its durable state: write-ahead log, a 10 s busy timeout, {@code FULL} or
 * {@code NORMAL} synchronous mode. Its tables are a {@link SqliteLayout}.
 */
public final class SqliteDatabase {

    private final SQLiteDataSource dataSource;

    /** Connections to {@code database}; {@code fsync} chooses {@code synchronous=FULL} over {@code NORMAL}. */
    public SqliteDatabase(Path database, boolean fsync) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(fsync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        this.dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + database.toAbsolutePath());
    }

    /** A new connection with the pragmas above, in auto-commit. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }
}
