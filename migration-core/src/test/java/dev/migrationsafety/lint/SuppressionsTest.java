package dev.migrationsafety.lint;

import static dev.migrationsafety.lint.Ops.ids;
import static dev.migrationsafety.lint.Ops.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuppressionsTest {
    private static final String V = "db/V5__drop.sql";
    private static final Operation DROP_EMAIL = new Operation.DropColumn(t("users"), "email", false);
    private static final Operation DROP_NAME = new Operation.DropColumn(t("users"), "name", false);

    private static List<Finding> lint(Ops ops) {
        return new MigrationLinter(Dialect.POSTGRESQL).lint(ops.file(), null);
    }

    @Test
    void aReasonedAllowDirectlyAboveSuppressesThatStatementOnly() {
        List<Finding> findings = lint(new Ops(V)
                .comment("-- migration:allow drop-column reason=\"unused since 2.3, values archived in V4\"")
                .stmt("ALTER TABLE users DROP COLUMN email", DROP_EMAIL)
                .stmt("ALTER TABLE users DROP COLUMN name", DROP_NAME));
        assertEquals(List.of("drop-column"), ids(findings));
        assertEquals(3, findings.get(0).line());
    }

    @Test
    void severalCommentLinesAboveCountButABlankLineBreaksTheLink() {
        assertEquals(
                List.of(),
                lint(new Ops(V)
                        .comment("-- migration:allow drop-column reason=\"values archived to cold storage\"")
                        .comment("-- ticket OPS-42")
                        .stmt("ALTER TABLE users DROP COLUMN email", DROP_EMAIL)));
        List<Finding> detached = lint(new Ops(V)
                .comment("-- migration:allow drop-column reason=\"values archived to cold storage\"")
                .comment("")
                .stmt("ALTER TABLE users DROP COLUMN email", DROP_EMAIL));
        assertEquals(List.of("drop-column", "unused-allow"), ids(detached));
        assertTrue(detached.get(1).message().contains("not on the comment lines directly above"));
    }

    @Test
    void allowFileCoversTheWholeFile() {
        assertEquals(
                List.of(),
                lint(new Ops(V)
                        .comment(
                                "-- migration:allow-file drop-column reason=\"retiring the profile feature, see ADR 12\"")
                        .comment("")
                        .stmt("ALTER TABLE users DROP COLUMN email", DROP_EMAIL)
                        .stmt("ALTER TABLE users DROP COLUMN name", DROP_NAME)));
    }

    @Test
    void anAllowForAnotherCheckDoesNotSuppressAndIsUnused() {
        List<Finding> findings = lint(new Ops(V)
                .comment("-- migration:allow drop-table reason=\"the table was a temporary copy\"")
                .stmt("ALTER TABLE users DROP COLUMN email", DROP_EMAIL));
        assertEquals(List.of("drop-column", "unused-allow"), ids(findings));
        assertEquals(1, findings.get(1).line());
    }

    @Test
    void severalChecksInOneAllow() {
        assertEquals(
                List.of(),
                lint(new Ops(V)
                        .comment("# migration:allow drop-table, cascade reason=\"scratch table from the 2024 import\"")
                        .stmt("DROP TABLE import_tmp CASCADE", new Operation.DropTable(t("import_tmp"), false, true))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-- migration:allow drop-column",
                "-- migration:allow drop-column reason=\"\"",
                "-- migration:allow drop-column reason=\"   \"",
                "-- migration:allow drop-column reason=\"TODO\"",
                "-- migration:allow drop-column reason=\"todo: explain\"",
                "-- migration:allow drop-column reason=\"tbd\"",
                "-- migration:allow drop-column reason=\"x\"",
                "-- migration:allow drop-column reason=\"reason\"",
                "-- migration:allow drop-column reason=\"...\"",
                "-- migration:allow drop-column reason=\"unterminated",
                "-- migration:allow drop-column reason=unquoted",
                "-- migration:allow reason=\"no check named here\"",
                "-- migration:allow drop-colum reason=\"typo in the check id\"",
            })
    void aBadAllowIsAFindingAndSuppressesNothing(String allow) {
        List<Finding> findings =
                lint(new Ops(V).comment(allow).stmt("ALTER TABLE users DROP COLUMN email", DROP_EMAIL));
        assertEquals(List.of("drop-column", "invalid-allow"), ids(findings), allow);
        Finding bad = findings.get(1);
        assertEquals(1, bad.line());
        assertTrue(Check.INVALID_ALLOW.blocks(dev.migrationsafety.report.Severity.CRITICAL));
    }

    @Test
    void reasonsMustSaySomething() {
        assertNull(Reasons.problem("column unused since 2.3, data archived in V2026"));
        assertNull(Reasons.problem("table is empty"));
        assertNotNull(Reasons.problem(null));
        assertNotNull(Reasons.problem("n/a"));
        assertNotNull(Reasons.problem("FIXME later"));
        assertNotNull(Reasons.problem("<reason>"));
        assertNotNull(Reasons.problem("ok!"));
        assertNotNull(Reasons.problem("123"));
    }

    @Test
    void escapedQuotesInAReason() {
        assertEquals(
                List.of(),
                lint(new Ops(V)
                        .comment("-- migration:allow drop-column reason=\"the \\\"email\\\" column moved to contacts\"")
                        .stmt("ALTER TABLE users DROP COLUMN email", DROP_EMAIL)));
    }

    @Test
    void pomAllowListSuppressesByFileAndCheck() {
        List<Finding> findings = lint(new Ops(V).stmt("ALTER TABLE users DROP COLUMN email", DROP_EMAIL));
        AllowList list = new AllowList(
                "pom.xml",
                List.of(
                        new AllowList.Entry("V5__*.sql", "drop-column", "values copied to contacts in V4"),
                        new AllowList.Entry("db/V6__*.sql", "drop-table", "retired audit table, exported")));
        List<Finding> left = list.apply(findings);
        assertEquals(List.of("unused-allow"), ids(left));
        assertEquals("pom.xml", left.get(0).path());
        List<Finding> bad =
                new AllowList("pom.xml", List.of(new AllowList.Entry("V5__*.sql", "drop-column", ""))).apply(findings);
        assertEquals(List.of("drop-column", "invalid-allow"), ids(bad));
    }
}
