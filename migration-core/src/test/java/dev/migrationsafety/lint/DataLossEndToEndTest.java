package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration files on disk through the checker, down to the exact lines a build prints. */
class DataLossEndToEndTest {
    private static final String DIR = "src/main/resources/db/migration/";

    @TempDir
    Path base;

    private List<String> check(Dialect dialect, String file, String sql) throws IOException {
        Path dir = Files.createDirectories(base.resolve(DIR));
        Files.writeString(dir.resolve(file), sql);
        MigrationChecker checker =
                new MigrationChecker(StandardFileAnalyzer.INSTANCE, dialect, null, false, null, null);
        return checker.check(new MigrationScanner().scan(MigrationLayout.defaults(base))).findings().stream()
                .map(Finding::formatWithSeverity)
                .toList();
    }

    @Test
    void aWhereThatIsAlwaysTrueIsReportedLikeNone() throws IOException {
        String sql =
                """
                -- purge
                DELETE FROM sessions WHERE expires_at < now();
                DELETE FROM sessions WHERE 1 = 1;
                UPDATE users
                   SET active = false
                 WHERE email IS NULL OR email IS NOT NULL;
                UPDATE users SET active = true WHERE id = 1;
                """;
        assertEquals(
                List.of(
                        DIR + "V7__purge.sql:3:1: critical [delete-without-where] deletes every row of sessions (it"
                                + " has a WHERE, but the condition is always true) - add a WHERE that names the rows"
                                + " and delete in batches",
                        DIR + "V7__purge.sql:4:1: critical [update-without-where] updates every row of users (it has"
                                + " a WHERE, but the condition is always true) - add a WHERE that names the rows and"
                                + " update in batches"),
                check(Dialect.POSTGRESQL, "V7__purge.sql", sql));
    }

    @Test
    void mysqlWhereOneIsAlwaysTrue() throws IOException {
        assertEquals(
                List.of(DIR + "V8__reset.sql:2:1: critical [update-without-where] updates every row of users (it has"
                        + " a WHERE, but the condition is always true) - add a WHERE that names the rows and update"
                        + " in batches"),
                check(
                        Dialect.MYSQL,
                        "V8__reset.sql",
                        "UPDATE users SET score = 0 WHERE id = 7;\nUPDATE `users` SET" + " score = 0 WHERE 1;\n"));
    }

    @Test
    void aWhereThatDoesNotReadTheRowIsReportedLikeNone() throws IOException {
        String sql =
                """
                DELETE FROM sessions WHERE created_at < now() - interval '30 days';
                DELETE FROM sessions WHERE now() > '2020-01-01';
                UPDATE users SET active = false WHERE EXISTS (SELECT 1 FROM bans b WHERE b.user_id = users.id);
                DO $$ BEGIN UPDATE users SET active = false WHERE current_user = 'app'; END $$;
                DELETE FROM sessions WHERE false;
                """;
        assertEquals(
                List.of(
                        DIR + "V9__purge.sql:2:1: critical [delete-without-where] deletes every row of sessions (it"
                                + " has a WHERE, but the condition does not depend on the row: every row or none) -"
                                + " add a WHERE that names the rows and delete in batches",
                        DIR + "V9__purge.sql:4:13: critical [update-without-where] updates every row of users (it has"
                                + " a WHERE, but the condition does not depend on the row: every row or none) - add a"
                                + " WHERE that names the rows and update in batches"),
                check(Dialect.POSTGRESQL, "V9__purge.sql", sql));
    }

    @Test
    void mysqlUserVariableConditionDoesNotReadTheRow() throws IOException {
        assertEquals(
                List.of(
                        DIR + "V10__reset.sql:2:1: critical [delete-without-where] deletes every row of t14 (it has"
                                + " a WHERE, but the condition is always true) - add a WHERE that names the rows and delete"
                                + " in batches",
                        DIR + "V10__reset.sql:3:1: critical [delete-without-where] deletes every row of users (it has"
                                + " a WHERE, but the condition does not depend on the row: every row or none) - add a WHERE"
                                + " that names the rows and delete in batches"),
                check(
                        Dialect.MYSQL,
                        "V10__reset.sql",
                        "DELETE FROM users WHERE id IN (SELECT user_id FROM bans);\nDELETE FROM t14 WHERE 1 IN (1);\n"
                                + "DELETE FROM users WHERE @flag = 1;\n"));
    }

    @Test
    void typeChangesThatDestroyOrNarrowValues() throws IOException {
        String sql =
                """
                ALTER TABLE users ADD COLUMN bio varchar(200);
                ALTER TABLE users ALTER COLUMN bio TYPE varchar(50);
                ALTER TABLE users
                  ALTER COLUMN email TYPE varchar(20) USING NULL;
                """;
        assertEquals(
                List.of(
                        DIR + "V9__types.sql:2:1: high [change-column-type] changes the type of users.bio to"
                                + " varchar(50): varchar(200) -> varchar(50) truncates or rejects values longer than 50"
                                + " characters - add a column of the new type, backfill in batches, switch the code,"
                                + " drop the old column later",
                        DIR + "V9__types.sql:3:1: critical [lossy-type-change] destroys the values of users.email:"
                                + " USING NULL sets every value to NULL - add a column of the new type, fill it from"
                                + " the old one with a conversion that keeps every value, check it, and drop the old"
                                + " column in a later release",
                        DIR + "V9__types.sql:3:1: high [change-column-type] changes the type of users.email to"
                                + " varchar(20) - add a column of the new type, backfill in batches, switch the code,"
                                + " drop the old column later"),
                check(Dialect.POSTGRESQL, "V9__types.sql", sql));
    }
}
