package dev.migrationsafety.lint;

import static dev.migrationsafety.lint.Ops.col;
import static dev.migrationsafety.lint.Ops.createTable;
import static dev.migrationsafety.lint.Ops.ids;
import static dev.migrationsafety.lint.Ops.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.ForeignKeyDef;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.Operation.ConstraintKind;
import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationLinterTest {
    private static final String V = "src/main/resources/db/migration/V2__change.sql";
    private static final ForeignKeyDef FK =
            new ForeignKeyDef("fk_o_u", List.of("user_id"), t("users"), List.of("id"), null, null, false);

    static Stream<Arguments> singleOperations() {
        return Stream.of(
                Arguments.of(new Operation.DropObject(ObjectKind.DATABASE, t("app"), false, false), "drop-database"),
                Arguments.of(new Operation.DropObject(ObjectKind.SCHEMA, t("billing"), false, false), "drop-schema"),
                Arguments.of(new Operation.DropTable(t("users"), false, false), "drop-table"),
                Arguments.of(new Operation.DropColumn(t("users"), "email", false), "drop-column"),
                Arguments.of(new Operation.Truncate(List.of(t("audit")), false), "truncate"),
                Arguments.of(new Operation.Delete(t("users"), false), "delete-without-where"),
                Arguments.of(new Operation.Update(t("users"), false), "update-without-where"),
                Arguments.of(new Operation.RenameTable(t("users"), t("accounts")), "rename-table"),
                Arguments.of(new Operation.RenameColumn(t("users"), "name", "full_name"), "rename-column"),
                Arguments.of(new Operation.ChangeColumnType(t("users"), "age", "bigint", false), "change-column-type"),
                Arguments.of(
                        new Operation.AddColumn(t("users"), col("tier", true, false)),
                        "add-not-null-column-without-default"),
                Arguments.of(new Operation.SetNotNull(t("users"), "email"), "set-not-null"),
                Arguments.of(
                        new Operation.AddConstraint(
                                t("users"), "uq_email", ConstraintKind.UNIQUE, List.of("email"), null, false),
                        "add-unique-constraint"),
                Arguments.of(
                        new Operation.CreateIndex(t("users"), "ix_email", List.of("email"), false, false, false),
                        "create-index-not-concurrently"),
                Arguments.of(
                        new Operation.DropConstraint(t("users"), "ck_age", ConstraintKind.UNKNOWN, false, false),
                        "drop-constraint"),
                Arguments.of(new Operation.DropIndex(null, "ix_email", false, true, false), "drop-index"),
                Arguments.of(new Operation.DropNotNull(t("users"), "email"), "drop-not-null"),
                Arguments.of(
                        new Operation.AddConstraint(
                                t("orders"), "fk_o_u", ConstraintKind.FOREIGN_KEY, List.of("user_id"), FK, false),
                        "add-foreign-key-without-not-valid"),
                Arguments.of(new Operation.NotAnalysable("EXECUTE of dynamic SQL"), "not-analysable"));
    }

    @ParameterizedTest
    @MethodSource("singleOperations")
    void eachCheckFindsItsOperation(Operation op, String expected) {
        List<Finding> findings = lint(new Ops(V).stmt("-- sql", op));
        assertEquals(List.of(expected), ids(findings));
        Finding f = findings.get(0);
        assertEquals(V, f.path());
        assertEquals(1, f.line());
        assertEquals(Check.byId(expected).orElseThrow().severity(), f.severity());
        assertTrue(!f.fix().isEmpty(), "every finding says how to fix it");
    }

    @Test
    void safeOperationsFindNothing() {
        List<Finding> findings = lint(new Ops(V)
                .stmt("create", createTable("audit", "id"))
                .stmt("add nullable", new Operation.AddColumn(t("users"), col("nick", false, false)))
                .stmt("add not null with default", new Operation.AddColumn(t("users"), col("tier", true, true)))
                .stmt("delete where", new Operation.Delete(t("users"), true))
                .stmt("update where", new Operation.Update(t("users"), true))
                .stmt(
                        "index concurrently",
                        new Operation.CreateIndex(t("users"), "i", List.of("a"), false, true, false))
                .stmt(
                        "fk not valid",
                        new Operation.AddConstraint(
                                t("orders"), "fk", ConstraintKind.FOREIGN_KEY, List.of("user_id"), FK, true))
                .stmt("drop view", new Operation.DropObject(ObjectKind.VIEW, t("v"), true, false))
                .stmt("insert", new Operation.Insert(t("users"))));
        // the concurrent index is alone in no transaction-free file: that is the only finding
        assertEquals(List.of("concurrently-in-transaction"), ids(findings));
    }

    @Test
    void cascadeIsReportedBesideTheDrop() {
        assertEquals(
                List.of("drop-table", "cascade"),
                ids(lint(new Ops(V)
                        .stmt("DROP TABLE users CASCADE", new Operation.DropTable(t("users"), false, true)))));
        assertEquals(
                List.of("cascade"),
                ids(lint(new Ops(V)
                        .stmt("DROP VIEW v CASCADE", new Operation.DropObject(ObjectKind.VIEW, t("v"), false, true)))));
    }

    @Test
    void tablesCreatedEarlierInTheSameMigrationAreExempt() {
        List<Finding> findings = lint(new Ops(V)
                .stmt("CREATE TABLE audit (id int)", createTable("audit", "id"))
                .stmt(
                        "CREATE INDEX ix ON audit (id)",
                        new Operation.CreateIndex(t("audit"), "ix", List.of("id"), false, false, false))
                .stmt(
                        "ALTER TABLE audit ADD tier text NOT NULL",
                        new Operation.AddColumn(t("audit"), col("tier", true, false)))
                .stmt(
                        "ALTER TABLE audit ADD UNIQUE",
                        new Operation.AddConstraint(
                                t("audit"), null, ConstraintKind.UNIQUE, List.of("id"), null, false))
                .stmt("ALTER TABLE audit ALTER id SET NOT NULL", new Operation.SetNotNull(t("audit"), "id")));
        assertEquals(List.of(), findings);
        // an index on a table created later in the file does not count
        assertEquals(
                List.of("create-index-not-concurrently"),
                ids(lint(new Ops(V)
                        .stmt(
                                "CREATE INDEX ix ON audit (id)",
                                new Operation.CreateIndex(t("audit"), "ix", List.of("id"), false, false, false))
                        .stmt("CREATE TABLE audit (id int)", createTable("audit", "id")))));
    }

    @Test
    void postgresOnlyChecksStayQuietOnMysql() {
        MigrationLinter mysql = new MigrationLinter(Dialect.MYSQL);
        List<Finding> findings = mysql.lint(
                new Ops(V)
                        .stmt(
                                "CREATE INDEX ix ON users (email)",
                                new Operation.CreateIndex(t("users"), "ix", List.of("email"), false, false, false))
                        .stmt(
                                "ALTER TABLE o ADD FOREIGN KEY",
                                new Operation.AddConstraint(
                                        t("o"), "fk", ConstraintKind.FOREIGN_KEY, List.of("user_id"), FK, false))
                        .file(),
                null);
        assertEquals(List.of(), findings);
    }

    @Test
    void concurrentlyAloneIsFineButMixedOrForcedIntoATransactionIsNot() {
        Operation ix = new Operation.CreateIndex(t("users"), "ix", List.of("email"), false, true, true);
        String sql = "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email)";
        assertEquals(List.of(), lint(new Ops(V).stmt(sql, ix)));
        List<Finding> twoConcurrent = lint(new Ops(V)
                .stmt(sql, ix)
                .stmt("DROP INDEX CONCURRENTLY old", new Operation.DropIndex(null, "old", true, false, false)));
        assertEquals(List.of("drop-index"), ids(twoConcurrent));
        List<Finding> forced = new MigrationLinter(Dialect.POSTGRESQL)
                .lint(new Ops(V).stmt(sql, ix).file(), true);
        assertEquals(List.of("concurrently-in-transaction"), ids(forced));
        assertTrue(
                forced.get(0).message().contains("executeInTransaction=true"),
                forced.get(0).message());
        List<Finding> mixed = lint(new Ops(V)
                .stmt(sql, ix)
                .stmt(
                        "ALTER TABLE users ADD nick text",
                        new Operation.AddColumn(t("users"), col("nick", false, false))));
        assertEquals(List.of("concurrently-in-transaction"), ids(mixed));
        assertTrue(mixed.get(0).message().contains("mixed=true"), mixed.get(0).message());
        List<Finding> inBody =
                lint(new Ops(V).stmt("DO $$ BEGIN CREATE INDEX CONCURRENTLY ix ON users (email); END $$", ix));
        assertEquals(List.of("concurrently-in-transaction"), ids(inBody));
    }

    @Test
    void leadingCommentsDoNotHideConcurrentlyFromFlywaysTest() {
        var s = new dev.migrationsafety.sql.SqlStatement(
                V, 1, 1, "/* big */ -- note\n  create   unique index\nconcurrently ix on t (a)");
        assertEquals("CREATE UNIQUE INDEX CONCURRENTLY IX ON T (A)", MigrationLinter.simplified(s));
    }

    @Test
    void problemsOfTheLexerAreKept() {
        Finding problem = Check.NOT_ANALYSABLE.at(V, 7, 3, "unterminated dollar quote $body$ opened here");
        ParsedFile f = new ParsedFile(V, "", List.of(), List.of(problem));
        assertEquals(List.of(problem), new MigrationLinter(Dialect.POSTGRESQL).lint(f, null));
    }

    @Test
    void notAnalysableBlocksWhateverTheThreshold() {
        assertTrue(Check.NOT_ANALYSABLE.blocks(Severity.CRITICAL));
        assertTrue(Check.INVALID_ALLOW.blocks(Severity.CRITICAL));
        assertTrue(!Check.DROP_INDEX.blocks(Severity.HIGH));
        assertTrue(Check.DROP_INDEX.blocks(Severity.MEDIUM));
        assertTrue(Check.DROP_TABLE.blocks(Severity.CRITICAL));
    }

    private static List<Finding> lint(Ops ops) {
        return new MigrationLinter(Dialect.POSTGRESQL).lint(ops.file(), null);
    }
}
