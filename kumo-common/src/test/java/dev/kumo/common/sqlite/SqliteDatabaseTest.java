package dev.kumo.common.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    private static final SqliteLayout LAYOUT = new SqliteLayout("test database", 1, "counter",
            List.of("CREATE TABLE IF NOT EXISTS things (name TEXT PRIMARY KEY)"));

    @TempDir
    Path temp;

    @Test
    void migratingTwiceKeepsTheTablesAndTheCounter() throws SQLException {
        SqliteDatabase database = new SqliteDatabase(temp.resolve("test.db"), true);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(LAYOUT.migrate(statement)).isZero();
            statement.execute("INSERT INTO things(name) VALUES ('one')");
            statement.execute("UPDATE meta SET value = 7 WHERE key = 'counter'");
            assertThat(LAYOUT.migrate(statement)).isEqualTo(7);
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM things")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerKumo() throws SQLException {
        SqliteDatabase database = new SqliteDatabase(temp.resolve("test.db"), false);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            LAYOUT.migrate(statement);
            statement.execute("UPDATE meta SET value = 2 WHERE key = 'schema_version'");
            assertThatThrownBy(() -> LAYOUT.migrate(statement))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("test database schema version 2 is newer than this Kumo's (1); upgrade Kumo");
        }
    }
}
