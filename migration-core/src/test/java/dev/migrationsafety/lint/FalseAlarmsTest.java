package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * False alarms found on real migration histories, one regression test each: statements that cannot lose data or
 * block production, written as real projects write them.
 */
class FalseAlarmsTest {

    private static List<Finding> pg(String sql) {
        return StatementSuiteTest.lint(Dialect.POSTGRESQL, sql);
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.line() + " " + f.severity().id() + " " + f.ruleId() + " " + f.message())
                .toList();
    }

    @Test
    void dropTypeWithoutCascadeCanOnlyFailNotLoseData() {
        assertEquals(
                List.of("1 medium drop-type drops type mood; no data goes without CASCADE, but the migration fails"
                        + " if a column still uses it"),
                lines(pg("DROP TYPE IF EXISTS mood;\n")));
        assertEquals(
                List.of("1 medium drop-type drops domain email_d; no data goes without CASCADE, but the migration"
                        + " fails if a column still uses it"),
                lines(pg("DROP DOMAIN email_d;\n")));
        List<Finding> cascade = pg("DROP TYPE IF EXISTS mood CASCADE;\n");
        assertEquals(
                List.of(
                        "1 critical drop-type drops type mood with CASCADE; the columns of that type go with it",
                        "1 critical cascade drops type mood with CASCADE, and with it every dependent object"),
                lines(cascade));
    }
}
