package dev.migrationsafety.lint;

import static dev.migrationsafety.sql.Dialect.MYSQL;
import static dev.migrationsafety.sql.Dialect.POSTGRESQL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Type changes that destroy values (a constant or cutting USING: lossy-type-change, critical) or narrow the column
 * (change-column-type, with the reason), read from whole migration files in both dialects.
 */
class TypeChangeLossTest {
    private static final String ADD_EMAIL = "ALTER TABLE users ADD COLUMN email varchar(200);\n";

    static Stream<Arguments> changes() {
        return Stream.of(
                // USING that destroys: critical, whatever the old type
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN email TYPE varchar(50) USING NULL",
                        "lossy-type-change: destroys the values of users.email: USING NULL sets every value to NULL",
                        "change-column-type: changes the type of users.email to varchar(50)"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN age TYPE integer USING 0",
                        "lossy-type-change: destroys the values of users.age: USING 0 sets every row to the same value",
                        "change-column-type: changes the type of users.age to integer"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN note SET DATA TYPE text USING 'n/a'::text",
                        "lossy-type-change: destroys the values of users.note: USING 'n/a'::text sets every row to the"
                                + " same value",
                        "change-column-type: changes the type of users.note to text"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN owner TYPE bigint USING owner_id",
                        "lossy-type-change: destroys the values of users.owner: USING owner_id does not read owner:"
                                + " every value is replaced",
                        "change-column-type: changes the type of users.owner to bigint"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN email TYPE varchar(50) USING left(email, 50)",
                        "lossy-type-change: destroys the values of users.email: USING left(email, 50) keeps only part"
                                + " of each value",
                        "change-column-type: changes the type of users.email to varchar(50)"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN email TYPE text USING substring(email from 1 for 50)",
                        "lossy-type-change: destroys the values of users.email: USING substring(email from 1 for 50)"
                                + " keeps only part of each value",
                        "change-column-type: changes the type of users.email to text"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN email TYPE text USING SUBSTR(email, 1, 50)",
                        "lossy-type-change: destroys the values of users.email: USING SUBSTR(email, 1, 50) keeps only"
                                + " part of each value",
                        "change-column-type: changes the type of users.email to text"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN email TYPE varchar(50) USING email::varchar(50)",
                        "lossy-type-change: destroys the values of users.email: USING email::varchar(50) casts to"
                                + " varchar(50), which cuts values longer than 50 characters",
                        "change-column-type: changes the type of users.email to varchar(50)"),
                c(
                        POSTGRESQL,
                        ADD_EMAIL + "ALTER TABLE users ALTER COLUMN email TYPE text USING CAST(email AS varchar(20))",
                        "lossy-type-change: destroys the values of users.email: USING CAST(email AS varchar(20))"
                                + " casts varchar(200) -> varchar(20) and cuts values longer than 20 characters",
                        "change-column-type: changes the type of users.email to text"),
                // narrowing, the old type known from the same file: high, with the reason
                c(
                        POSTGRESQL,
                        ADD_EMAIL + "ALTER TABLE users ALTER COLUMN email TYPE varchar(50)",
                        "change-column-type: changes the type of users.email to varchar(50): varchar(200) ->"
                                + " varchar(50) truncates or rejects values longer than 50 characters"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE orders ADD COLUMN total numeric(12,2);\n"
                                + "ALTER TABLE orders ALTER COLUMN total TYPE numeric(8,2)",
                        "change-column-type: changes the type of orders.total to numeric(8,2): numeric(12,2) ->"
                                + " numeric(8,2) rejects or clips values with more than 6 integer digits"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE orders ADD COLUMN rate numeric(12,4);\n"
                                + "ALTER TABLE orders ALTER COLUMN rate TYPE numeric(12,2)",
                        "change-column-type: changes the type of orders.rate to numeric(12,2): numeric(12,4) ->"
                                + " numeric(12,2) rounds values to 2 decimal places"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE events ADD COLUMN n bigint;\nALTER TABLE events ALTER COLUMN n TYPE integer",
                        "change-column-type: changes the type of events.n to integer: bigint -> integer rejects or"
                                + " clips values outside the smaller range"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ADD COLUMN bio text;\nALTER TABLE users ALTER COLUMN bio TYPE varchar(100)",
                        "change-column-type: changes the type of users.bio to varchar(100): text -> varchar(100)"
                                + " truncates or rejects values longer than 100 characters"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE events ADD COLUMN at timestamp(6);\n"
                                + "ALTER TABLE events ALTER COLUMN at TYPE timestamp(0)",
                        "change-column-type: changes the type of events.at to timestamp(0): timestamp(6) ->"
                                + " timestamp(0) rounds to 0 fractional digits of a second"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE events ADD COLUMN at timestamptz;\nALTER TABLE events ALTER COLUMN at TYPE date",
                        "change-column-type: changes the type of events.at to date: timestamptz -> date drops the time"
                                + " of day"),
                // not lossy: conversions that read the column, widening, casts that cannot cut
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN age TYPE integer USING age::integer",
                        "change-column-type: changes the type of users.age to integer"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE users ALTER COLUMN age TYPE bigint USING (age * 100)",
                        "change-column-type: changes the type of users.age to bigint"),
                c(
                        POSTGRESQL,
                        ADD_EMAIL + "ALTER TABLE users ALTER COLUMN email TYPE varchar(300) USING email::varchar(300)",
                        "change-column-type: changes the type of users.email to varchar(300)"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE events ADD COLUMN n integer;\nALTER TABLE events ALTER COLUMN n TYPE bigint",
                        "change-column-type: changes the type of events.n to bigint"),
                // MySQL: MODIFY and CHANGE
                c(
                        MYSQL,
                        "ALTER TABLE users ADD COLUMN nick varchar(200);\nALTER TABLE users MODIFY nick varchar(50)",
                        "change-column-type: changes the type of users.nick to varchar(50): varchar(200) ->"
                                + " varchar(50) truncates or rejects values longer than 50 characters"),
                c(
                        MYSQL,
                        "ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users CHANGE nick nick varchar(100) NULL",
                        "change-column-type: changes the type of users.nick to varchar(100): text -> varchar(100)"
                                + " truncates or rejects values longer than 100 characters"),
                c(
                        MYSQL,
                        "ALTER TABLE t ADD COLUMN n int unsigned;\nALTER TABLE t MODIFY COLUMN n smallint",
                        "change-column-type: changes the type of t.n to smallint: int unsigned -> smallint rejects or"
                                + " clips values outside the smaller range"),
                c(
                        MYSQL,
                        "ALTER TABLE t ADD COLUMN price decimal(12,2);\nALTER TABLE t MODIFY price decimal(8,2) NOT NULL",
                        "change-column-type: changes the type of t.price to decimal(8,2): decimal(12,2) ->"
                                + " decimal(8,2) rejects or clips values with more than 6 integer digits"),
                c(
                        MYSQL,
                        "ALTER TABLE users ADD COLUMN nick varchar(50);\nALTER TABLE users MODIFY nick varchar(200)",
                        "change-column-type: changes the type of users.nick to varchar(200)"),
                c(
                        MYSQL,
                        "ALTER TABLE users MODIFY nick varchar(64)",
                        "change-column-type: changes the type of users.nick to varchar(64): values longer than 64"
                                + " characters, if any, are truncated or rejected"));
    }

    private static Arguments c(Dialect dialect, String sql, String... expected) {
        return Arguments.of(dialect, sql, List.of(expected));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("changes")
    void findings(Dialect dialect, String sql, List<String> expected) {
        assertEquals(expected, messages(StatementSuiteTest.lint(dialect, sql + ";\n")), sql);
    }

    @Test
    void aDownScriptThatUndoesAWideningNarrows() {
        var up = StandardFileAnalyzer.INSTANCE.analyze(
                "db/migration/V3__wider.sql", "ALTER TABLE users ALTER COLUMN bio TYPE varchar(500);\n", POSTGRESQL);
        var down = StandardFileAnalyzer.INSTANCE.analyze(
                "db/undo/U3__wider.sql", "ALTER TABLE users ALTER COLUMN bio TYPE varchar(100);\n", POSTGRESQL);
        assertEquals(
                List.of("change-column-type: changes the type of users.bio to varchar(100): varchar(500) ->"
                        + " varchar(100) truncates or rejects values longer than 100 characters"),
                messages(new MigrationLinter(POSTGRESQL).lintDown(down, up, null)));
    }

    @Test
    void lossyTypeChangeIsCriticalAndAllowedById() {
        assertEquals(dev.migrationsafety.report.Severity.CRITICAL, Check.LOSSY_TYPE_CHANGE.severity());
        String sql = "-- migration:allow lossy-type-change reason=\"the column was never filled\"\n"
                + "-- migration:allow change-column-type reason=\"small table\"\n"
                + "ALTER TABLE users ALTER COLUMN email TYPE varchar(50) USING NULL;\n";
        assertEquals(List.of(), messages(StatementSuiteTest.lint(POSTGRESQL, sql)));
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + ": " + f.message()).toList();
    }
}
