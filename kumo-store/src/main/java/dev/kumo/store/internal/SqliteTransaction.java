package dev.kumo.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One explicit transaction on an auto-commit connection, ended by COMMIT or, on any failure, by ROLLBACK.
 *
 * <p>Why not JDBC's own {@code commit()}/{@code rollback()}: when a write fails with SQLITE_FULL, SQLite has already
 * rolled the transaction back by itself; sqlite-jdbc's {@code rollback()} then fails ("no transaction is active")
 * before issuing its next BEGIN, and the connection silently runs every later statement in auto-commit — half of
 * each later batch is kept while the batch is reported as failed. Here each transaction begins with its own BEGIN,
 * and a ROLLBACK that finds nothing to undo is expected, so a failed write leaves nothing behind.
 */
final class SqliteTransaction {

    /** The work of one transaction. */
    interface Work {
        void run() throws SQLException;
    }

    private SqliteTransaction() {
    }

    /** Runs {@code work} between BEGIN IMMEDIATE and COMMIT; rolled back entirely when anything fails. */
    static void run(Connection connection, Work work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try {
                statement.execute("BEGIN IMMEDIATE");
                work.run();
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(statement, e);
                throw e;
            }
        }
    }

    private static void rollback(Statement statement, Exception failure) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // Usually SQLite rolled back already (SQLITE_FULL, SQLITE_IOERR): nothing is left to undo.
            failure.addSuppressed(e);
        }
    }
}
