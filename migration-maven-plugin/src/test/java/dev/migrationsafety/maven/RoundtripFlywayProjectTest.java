package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * A MySQL project laid out the way a Flyway Teams user has it, down scripts next to the ups ({@code undoLocation}
 * {@code adjacent}) and an SQL callback in the location, on the zero-config H2 in MySQL mode. (Placeholders, a map
 * parameter the harness cannot set, are covered by the roundtrip-flyway-project IT.)
 */
@MojoTest
class RoundtripFlywayProjectTest extends ProjectMojoTest {
    private static final String MIGRATIONS = "src/main/resources/db/migration/";

    @Override
    protected Path createProject() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                MIGRATIONS + "V1__create_users.sql",
                "CREATE TABLE app_users (id INT PRIMARY KEY, name VARCHAR(100));\n");
        files.put(MIGRATIONS + "U1__create_users.sql", "DROP TABLE app_users;\n");
        files.put(MIGRATIONS + "V2__users_name_index.sql", "CREATE INDEX app_users_name_idx ON app_users (name);\n");
        files.put(MIGRATIONS + "U2__users_name_index.sql", "DROP INDEX app_users_name_idx ON app_users;\n");
        files.put(
                MIGRATIONS + "afterMigrate.sql",
                "CREATE TABLE IF NOT EXISTS audit_log (at TIMESTAMP, what VARCHAR(200));\n");
        return TestProjects.project("roundtrip-flyway-project", files);
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "undoLocation", value = "adjacent")
    @MojoParameter(name = "dialect", value = "mysql")
    @MojoParameter(name = "embeddedMariadbVersion", value = "none")
    void adjacentDownsAndCallbacksPassOnH2InMySqlMode(RoundtripMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        List<String> info = lines("info");
        assertEquals(
                "Round trip (step mode) of 2 migrations on H2 in memory in MySQL mode (dialect mysql as configured; no"
                        + " embedded MariaDB: embeddedMariadbVersion (migration.embeddedMariadbVersion) is none)",
                info.get(0));
        assertTrue(
                info.get(info.size() - 1).endsWith(": 2 passed, 0 with warnings, 0 failed, 0 irreversible, 0 not run"),
                info.toString());
        verify(log, never()).error(any(CharSequence.class));
        verify(log, never()).warn(any(CharSequence.class));
        String json = Files.readString(base.resolve("target/migration/roundtrip.json"));
        assertTrue(json.contains(MIGRATIONS + "U2__users_name_index.sql"), json);
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "undoLocation", value = "adjacent")
    @MojoParameter(name = "dialect", value = "mysql")
    @MojoParameter(name = "embeddedMariadbVersion", value = "none")
    void aStatementH2CannotRunInMySqlModeNamesTheLimitsAndTheWayOut(RoundtripMojo mojo) throws Exception {
        Files.writeString(
                base.resolve(MIGRATIONS + "V2__users_name_index.sql"),
                "CREATE INDEX app_users_name_idx ON app_users (name(10));\n");
        mojo.setLog(log);
        assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of(RoundtripMojo.H2_MYSQL_LIMITS), lines("warn"));
        assertTrue(RoundtripMojo.H2_MYSQL_LIMITS.contains("prefix indexes (name(10))"));
        assertTrue(
                lines("error")
                        .get(0)
                        .startsWith(MIGRATIONS + "V2__users_name_index.sql:1: up of"
                                + " V2__users_name_index failed: Syntax error in SQL statement"),
                lines("error").toString());
    }
}
