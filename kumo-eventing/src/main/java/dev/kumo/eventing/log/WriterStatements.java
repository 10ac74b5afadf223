package dev.kumo.eventing.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The log writer's statements, each prepared once on its connection and reused by every batch: SQLite compiles a
 * statement on each prepare, and a batch at 8 producers holds only a few events, so preparing them anew was a fixed
 * cost on every commit's path. After a failed batch they are all closed ({@link #close}) before the rollback: a
 * statement left mid-step would make SQLite refuse the ROLLBACK and keep the failed transaction open. A statement
 * that could not be prepared, or was closed, is prepared again on its next use.
 */
final class WriterStatements {

    private final Connection connection;
    private PreparedStatement begin;
    private PreparedStatement commit;
    private PreparedStatement rollback;
    private PreparedStatement insert;
    private PreparedStatement lastSeq;
    private PreparedStatement position;

    WriterStatements(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement begin() throws SQLException {
        return begin != null ? begin : (begin = connection.prepareStatement("BEGIN IMMEDIATE"));
    }

    PreparedStatement commit() throws SQLException {
        return commit != null ? commit : (commit = connection.prepareStatement("COMMIT"));
    }

    PreparedStatement rollback() throws SQLException {
        return rollback != null ? rollback : (rollback = connection.prepareStatement("ROLLBACK"));
    }

    /** Parameters: seq, broker, arrival (ms), the stored form. */
    PreparedStatement insert() throws SQLException {
        return insert != null ? insert : (insert = connection.prepareStatement(
                "INSERT INTO events(seq, broker, arrival_ms, event) VALUES (?, ?, ?, ?)"));
    }

    /** Parameters: the value, the key. */
    PreparedStatement lastSeq() throws SQLException {
        return lastSeq != null ? lastSeq : (lastSeq = connection.prepareStatement(
                "UPDATE meta SET value = ? WHERE key = ?"));
    }

    /** Parameters: low water, finished above, the Trigger. */
    PreparedStatement position() throws SQLException {
        return position != null ? position : (position = connection.prepareStatement(
                "UPDATE triggers SET low_water = ?, finished_above = ? WHERE trigger = ?"));
    }

    /** Closes every prepared statement (each is prepared again when next used); errors are ignored. */
    void close() {
        for (PreparedStatement statement : new PreparedStatement[] {begin, commit, rollback, insert, lastSeq,
                position}) {
            if (statement != null) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // Closing anyway: a statement of a failed batch.
                }
            }
        }
        begin = null;
        commit = null;
        rollback = null;
        insert = null;
        lastSeq = null;
        position = null;
    }
}
