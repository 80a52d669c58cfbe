package dev.migrationsafety.lint;

import static dev.migrationsafety.lint.Ops.col;
import static dev.migrationsafety.lint.Ops.createTable;
import static dev.migrationsafety.lint.Ops.ids;
import static dev.migrationsafety.lint.Ops.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.IrreversibleMarker;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.Operation.ConstraintKind;
import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownScriptTest {
    private static final String V = "src/main/resources/db/migration/V3__orders.sql";
    private static final String U = "src/main/resources/db/undo/U3__orders.sql";
    private final MigrationLinter linter = new MigrationLinter(Dialect.POSTGRESQL);

    @Test
    void droppingWhatTheUpCreatedIsExpected() {
        ParsedFile up = new Ops(V)
                .stmt("CREATE TABLE orders", createTable("orders", "id"))
                .stmt("ALTER TABLE users ADD nick", new Operation.AddColumn(t("users"), col("nick", false, false)))
                .stmt(
                        "CREATE INDEX CONCURRENTLY ix",
                        new Operation.CreateIndex(t("users"), "ix_nick", List.of("nick"), false, true, false))
                .stmt(
                        "ALTER TABLE users ADD CONSTRAINT ck",
                        new Operation.AddConstraint(
                                t("users"), "ck_nick", ConstraintKind.CHECK, List.of(), null, false))
                .stmt("CREATE TYPE mood", new Operation.CreateObject(ObjectKind.TYPE, t("mood"), false))
                .file();
        ParsedFile down = new Ops(U)
                .stmt("DROP TYPE mood", new Operation.DropObject(ObjectKind.TYPE, t("mood"), false, false))
                .stmt(
                        "ALTER TABLE users DROP CONSTRAINT ck_nick",
                        new Operation.DropConstraint(t("users"), "ck_nick", ConstraintKind.UNKNOWN, false, false))
                .stmt("DROP INDEX ix_nick", new Operation.DropIndex(null, "ix_nick", false, false, false))
                .stmt("ALTER TABLE users DROP nick", new Operation.DropColumn(t("users"), "nick", false))
                .stmt("DROP TABLE orders CASCADE", new Operation.DropTable(t("orders"), true, true))
                .file();
        assertEquals(List.of(), linter.lintDown(down, up, null));
    }

    @Test
    void droppingWhatExistedBeforeIsCritical() {
        ParsedFile up = new Ops(V)
                .stmt("CREATE TABLE orders", createTable("orders", "id"))
                .file();
        ParsedFile down = new Ops(U)
                .stmt("DROP TABLE orders", new Operation.DropTable(t("orders"), false, false))
                .stmt("DROP TABLE users", new Operation.DropTable(t("users"), false, false))
                .stmt("ALTER TABLE customers DROP email", new Operation.DropColumn(t("customers"), "email", false))
                .file();
        List<Finding> findings = linter.lintDown(down, up, null);
        assertEquals(List.of("down-drops-preexisting", "down-drops-preexisting"), ids(findings));
        assertEquals(2, findings.get(0).line());
        assertTrue(findings.get(0).message().contains("users"), findings.get(0).message());
        assertEquals(3, findings.get(1).line());
    }

    @Test
    void aDownWithoutItsUpDropsOnlyPreexistingObjects() {
        ParsedFile down = new Ops(U)
                .stmt("DROP TABLE orders", new Operation.DropTable(t("orders"), false, false))
                .file();
        assertEquals(List.of("down-drops-preexisting"), ids(linter.lintDown(down, null, null)));
    }

    @Test
    void revertingTheUpsRenameIsExpected() {
        ParsedFile up = new Ops(V)
                .stmt("ALTER TABLE a RENAME TO b", new Operation.RenameTable(t("a"), t("b")))
                .file();
        ParsedFile down = new Ops(U)
                .stmt("ALTER TABLE b RENAME TO a", new Operation.RenameTable(t("b"), t("a")))
                .file();
        assertEquals(List.of(), linter.lintDown(down, up, null));
        ParsedFile other = new Ops(U)
                .stmt("ALTER TABLE c RENAME TO d", new Operation.RenameTable(t("c"), t("d")))
                .file();
        assertEquals(List.of("rename-table"), ids(linter.lintDown(other, up, null)));
    }

    @Test
    void reAddingADroppedColumnEmptyIsALossyRollback() {
        ParsedFile up = new Ops(V)
                .stmt(
                        "ALTER TABLE users DROP COLUMN legacy_code",
                        new Operation.DropColumn(t("users"), "legacy_code", false))
                .file();
        ParsedFile down = new Ops(U)
                .comment("-- put the column back")
                .stmt(
                        "ALTER TABLE users ADD COLUMN legacy_code text",
                        new Operation.AddColumn(t("users"), col("legacy_code", false, false)))
                .file();
        List<Finding> findings = linter.lintDown(down, up, null);
        assertEquals(List.of("lossy-rollback"), ids(findings));
        assertEquals(U, findings.get(0).path());
        assertEquals(2, findings.get(0).line());
        assertTrue(findings.get(0).message().contains(V + ":1"), findings.get(0).message());
    }

    @Test
    void aDownThatRestoresTheDataOrIsMarkedIrreversibleIsNotLossy() {
        ParsedFile up = new Ops(V)
                .stmt("DROP TABLE legacy", new Operation.DropTable(t("legacy"), false, false))
                .file();
        ParsedFile restoring = new Ops(U)
                .stmt("CREATE TABLE legacy", createTable("legacy", "id"))
                .stmt("INSERT INTO legacy SELECT * FROM legacy_archive", new Operation.Insert(t("legacy")))
                .file();
        assertEquals(List.of(), linter.lintDown(restoring, up, null));
        ParsedFile marked = new Ops(U)
                .comment(IrreversibleMarker.line("the archive is in cold storage"))
                .stmt("CREATE TABLE legacy", createTable("legacy", "id"))
                .file();
        assertEquals(List.of(), linter.lintDown(marked, up, null));
    }
}
