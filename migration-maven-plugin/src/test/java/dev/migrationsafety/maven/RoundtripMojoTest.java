package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The goal on H2 in memory (dialect h2, no server), through the plugin testing harness. */
@MojoTest
class RoundtripMojoTest extends ProjectMojoTest {
    private static final String U2 = "src/main/resources/db/undo/U2__users_name_index.sql";

    @Override
    protected Path createProject() {
        return TestProjects.usersProject("roundtrip-mojo", "DROP INDEX users_name_idx;\n");
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "dialect", value = "h2")
    void aReversibleChainPassesWithOneLinePerMigrationAndTheTotals(RoundtripMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        List<String> info = lines("info");
        assertEquals("Round trip (step mode) of 2 migrations on H2 in memory (dialect h2 as configured)", info.get(0));
        assertTrue(
                info.stream()
                        .anyMatch(l ->
                                l.matches("V2__users_name_index  up \\d+ ms, down \\d+ ms, re-up \\d+ ms  PASSED")),
                info.toString());
        assertTrue(
                info.get(info.size() - 1)
                        .matches("2 migrations \\(step mode\\) in [0-9.]+ m?s: 2 passed, 0 with warnings, 0 failed,"
                                + " 0 irreversible, 0 not run"),
                info.get(info.size() - 1));
        verify(log, never()).error(any(CharSequence.class));
        Path out = base.resolve("target/migration");
        assertTrue(Files.exists(out.resolve("roundtrip.json")));
        assertTrue(Files.readString(out.resolve("roundtrip-junit.xml")).contains("tests=\"2\""));
        assertTrue(Files.exists(out.resolve("roundtrip.md")));
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "dialect", value = "h2")
    void aDownThatForgetsAnIndexFailsNamingTheIndexAndTheMigration(RoundtripMojo mojo) throws Exception {
        Files.writeString(base.resolve(U2), "-- forgot: DROP INDEX users_name_idx;\nSELECT 1;\n");
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "1 migration failed the round trip; see the lines above and target/migration/roundtrip.md - fix the ups"
                        + " and downs named there, or mark a migration that truly cannot be reversed with"
                        + " -- migration:irreversible reason=\"...\" in its down file",
                e.getMessage());
        verify(log).error(U2 + ": index USERS_NAME_IDX present but not expected after down of V2__users_name_index");
        List<String> info = lines("info");
        assertTrue(
                info.stream()
                        .anyMatch(l ->
                                l.matches("V2__users_name_index  up \\d+ ms, down \\d+ ms, re-up \\d+ ms  FAILED")),
                info.toString());
        // Flyway's "Migration of schema ... failed! Please restore backups" is not passed on: the re-up failure is
        // reported with its file and line, and a scratch database needs no backup
        assertEquals(
                List.of(
                        U2 + ": index USERS_NAME_IDX present but not expected after down of V2__users_name_index",
                        "src/main/resources/db/migration/V2__users_name_index.sql:1: re-up of V2__users_name_index"
                                + " failed: Index \"USERS_NAME_IDX\" already exists; SQL statement: CREATE INDEX"
                                + " users_name_idx ON users (name) [42111-232] [statement: CREATE INDEX users_name_idx"
                                + " ON users (name)]"),
                lines("error"));
        assertTrue(
                info.get(info.size() - 1).endsWith(": 1 passed, 0 with warnings, 1 failed, 0 irreversible, 0 not run"));
        assertEquals(
                1,
                Files.readString(base.resolve("target/migration/roundtrip-junit.xml"))
                                .split("<failure ", -1)
                                .length
                        - 1);
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "dialect", value = "h2")
    @MojoParameter(name = "mode", value = "chain")
    @MojoParameter(name = "startAfter", value = "1")
    void aChainCountsItsWindowLogsItsWarningsAsWarningsAndNamesTheScriptsToFix(RoundtripMojo mojo) throws Exception {
        String migration = "src/main/resources/db/migration/";
        Files.writeString(
                base.resolve(migration + "V1__create_users.sql"),
                "CREATE TABLE users (id INT PRIMARY KEY, nick VARCHAR(20), name VARCHAR(100));\n");
        Files.writeString(
                base.resolve(migration + "V2__users_name_index.sql"),
                "CREATE INDEX IF NOT EXISTS users_name_idx ON users (name);\n");
        Files.writeString(base.resolve(U2), "SELECT 1;\n");
        Files.writeString(base.resolve(migration + "V3__drop_nick.sql"), "ALTER TABLE users DROP COLUMN nick;\n");
        Files.writeString(
                base.resolve("src/main/resources/db/undo/U3__drop_nick.sql"),
                "ALTER TABLE users ADD COLUMN nick VARCHAR(20);\n");
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "Round trip (chain mode) of 2 migrations (after 1 applied untested as history, up to startAfter 1) on"
                        + " H2 in memory (dialect h2 as configured)",
                lines("info").get(0));
        String when = " after all downs (compared with before the first up)";
        assertEquals(
                List.of("index USERS_NAME_IDX present but not expected" + when + "; named in V2__users_name_index"
                        + " (up)"),
                lines("error"));
        assertEquals(
                List.of("warning:" + when + ": column order of table USERS: (ID, NICK, NAME) before, (ID, NAME, NICK)"
                        + " after; named in V2__users_name_index (up), V3__drop_nick (up and down)"),
                lines("warn"));
        assertEquals(
                "The chain failed the round trip: 1 difference after all downs; see the lines"
                        + " above and target/migration/roundtrip.md - fix the scripts that name the objects that"
                        + " differ: V2__users_name_index (up), or mark a migration that truly cannot be reversed with"
                        + " -- migration:irreversible reason=\"...\" in its down file",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "serverId", value = "migration-db")
    @MojoParameter(name = "dialect", value = "h2")
    void aServerIdWithoutUrlIsIgnoredWithAWarning(RoundtripMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        verify(log)
                .warn("serverId 'migration-db' is ignored: it gives the credentials for a url (migration.url), and"
                        + " none is set");
        assertEquals(
                "Round trip (step mode) of 2 migrations on H2 in memory (dialect h2 as configured)",
                lines("info").get(0));
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "mode", value = "sideways")
    void migrationSkipSkipsEverything(RoundtripMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        verify(log).info("Skipping: migration.skip is true");
        verify(log, never()).error(any(CharSequence.class));
        assertTrue(Files.notExists(base.resolve("target/migration")));
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "skipRoundtrip", value = "true")
    @MojoParameter(name = "mode", value = "sideways")
    void theGoalSkipFlagSkipsTheRoundTrip(RoundtripMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        verify(log).info("Skipping: migration.roundtrip.skip is true");
        assertTrue(Files.notExists(base.resolve("target/migration")));
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "mode", value = "sideways")
    void anUnknownModeIsAConfigurationErrorNamingTheParameter(RoundtripMojo mojo) {
        mojo.setLog(log);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "Invalid mode (migration.mode): unknown round trip mode 'sideways'; use step or chain", e.getMessage());
        assertTrue(Files.notExists(base.resolve("target/migration")));
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "slowThreshold", value = "abc")
    void anUnreadableThresholdIsAConfigurationErrorNamingTheParameter(RoundtripMojo mojo) {
        mojo.setLog(log);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "Invalid slowThreshold (migration.slowThreshold): duration 'abc' is not understood; write e.g. 300s,"
                        + " 5m, 1h or PT5M",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "startAfter", value = "1..2")
    void anUnreadableStartVersionIsAConfigurationErrorNamingTheParameter(RoundtripMojo mojo) {
        mojo.setLog(log);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Invalid startAfter (migration.startAfter): "), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "extensions", value = "postgis,pg stat")
    void anExtensionThatIsNoNameIsAConfigurationErrorNamingTheParameter(RoundtripMojo mojo) {
        mojo.setLog(log);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "Invalid extensions (migration.extensions): 'pg stat' is no extension name; give names such as"
                        + " pgcrypto, separated by commas",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "url", value = "jdbc:postgresql://127.0.0.1:5432/test")
    @MojoParameter(name = "user", value = "postgres")
    @MojoParameter(name = "sandbox", value = "false")
    void turningTheSandboxOffIsWarnedAboutNamingTheAccount(RoundtripMojo mojo) throws Exception {
        TestDatabases.requirePostgres();
        mojo.setLog(log);
        mojo.execute();
        verify(log)
                .warn("The sandbox is off (sandbox / migration.sandbox=false): the migrations and down scripts run with"
                        + " the full rights of postgres on jdbc:postgresql://127.0.0.1:5432/test, and can do anything"
                        + " postgres can on that server; turn it off only for a pipeline whose migrations you trust");
    }
}
