package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.sql.Operation.ConstraintKind;
import dev.migrationsafety.sql.Operation.ObjectKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeOperationsTest {
    private static final SqlParserGateway PARSER = new SqlParserGateway(Duration.ofSeconds(5));
    private static final TableName T = TableName.of("t");

    private static TreeOperations.Result tree(String sql, Dialect dialect) {
        SqlParserGateway.Outcome outcome = PARSER.parse(sql);
        assertTrue(outcome.parsed(), () -> sql + ": " + outcome.failure());
        return new TreeOperations(dialect).map(outcome.tree());
    }

    private static void expect(String sql, Dialect dialect, Operation... expected) {
        TreeOperations.Result r = tree(sql, dialect);
        assertEquals(List.of(expected), r.operations(), sql);
        assertTrue(r.complete(), sql);
    }

    @Test
    void dropsWithNamesFoldedPerDialect() {
        expect(
                "DROP TABLE IF EXISTS \"My\".\"Tab\", Other CASCADE",
                Dialect.POSTGRESQL,
                new Operation.DropTable(new TableName("My", "Tab"), true, true),
                new Operation.DropTable(TableName.of("other"), true, true));
        expect("DROP TABLE Users", Dialect.H2, new Operation.DropTable(TableName.of("USERS"), false, false));
        expect(
                "DROP TABLE `Shop`.Users",
                Dialect.MYSQL,
                new Operation.DropTable(new TableName("Shop", "Users"), false, false));
        expect(
                "DROP SCHEMA s CASCADE",
                Dialect.POSTGRESQL,
                new Operation.DropObject(ObjectKind.SCHEMA, TableName.of("s"), false, true));
        expect(
                "DROP MATERIALIZED VIEW v",
                Dialect.POSTGRESQL,
                new Operation.DropObject(ObjectKind.MATERIALIZED_VIEW, TableName.of("v"), false, false));
    }

    @Test
    void dropIndexConcurrentlyIsNotAnIndexNamedConcurrently() {
        expect(
                "DROP INDEX CONCURRENTLY idx_a",
                Dialect.POSTGRESQL,
                new Operation.DropIndex(null, "idx_a", true, false, false));
        expect("DROP INDEX i ON t", Dialect.MYSQL, new Operation.DropIndex(T, "i", false, false, false));
    }

    @Test
    void dataStatementsKnowWhetherTheyHaveAWhere() {
        expect("DELETE FROM t WHERE id = 1", Dialect.POSTGRESQL, new Operation.Delete(T, true));
        expect("UPDATE t SET a = 1", Dialect.POSTGRESQL, new Operation.Update(T, false));
        expect(
                "TRUNCATE a, b CASCADE",
                Dialect.POSTGRESQL,
                new Operation.Truncate(List.of(TableName.of("a"), TableName.of("b")), true));
        expect("INSERT INTO s.t (a) VALUES (1)", Dialect.POSTGRESQL, new Operation.Insert(new TableName("s", "t")));
        expect("SELECT 1", Dialect.POSTGRESQL);
    }

    @Test
    void multiClauseAlterYieldsOneOperationPerClause() {
        expect(
                "ALTER TABLE a.t DROP COLUMN IF EXISTS x CASCADE, DROP CONSTRAINT c, ADD COLUMN b int NOT NULL DEFAULT 1,"
                        + " ALTER COLUMN z TYPE bigint USING z::bigint, ALTER COLUMN y SET NOT NULL,"
                        + " ALTER COLUMN w DROP NOT NULL, ALTER COLUMN v SET DEFAULT 3, ALTER COLUMN q DROP DEFAULT,"
                        + " RENAME COLUMN r TO s",
                Dialect.POSTGRESQL,
                new Operation.DropColumn(new TableName("a", "t"), "x", true),
                new Operation.DropConstraint(new TableName("a", "t"), "c", ConstraintKind.UNKNOWN, false, false),
                new Operation.AddColumn(
                        new TableName("a", "t"), new ColumnDef("b", "int", true, true, false, false, null)),
                new Operation.ChangeColumnType(new TableName("a", "t"), "z", "bigint", true, "z::bigint"),
                new Operation.SetNotNull(new TableName("a", "t"), "y"),
                new Operation.DropNotNull(new TableName("a", "t"), "w"),
                new Operation.SetDefault(new TableName("a", "t"), "v"),
                new Operation.DropDefault(new TableName("a", "t"), "q"),
                new Operation.RenameColumn(new TableName("a", "t"), "r", "s"));
    }

    @Test
    void alterConstraintsAndMysqlForms() {
        ForeignKeyDef fk =
                new ForeignKeyDef("fk", List.of("b"), TableName.of("o"), List.of("id"), "CASCADE", null, false);
        expect(
                "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (b) REFERENCES o(id) ON DELETE CASCADE, ADD CONSTRAINT u UNIQUE (b)",
                Dialect.POSTGRESQL,
                new Operation.AddConstraint(T, "fk", ConstraintKind.FOREIGN_KEY, List.of("b"), fk, false),
                new Operation.AddConstraint(T, "u", ConstraintKind.UNIQUE, List.of("b"), null, false));
        expect(
                "ALTER TABLE t MODIFY a bigint NOT NULL, CHANGE b c int, RENAME TO u, DROP INDEX i, DROP PRIMARY KEY",
                Dialect.MYSQL,
                new Operation.ChangeColumnType(T, "a", "bigint", false),
                new Operation.SetNotNull(T, "a"),
                new Operation.RenameColumn(T, "b", "c"),
                new Operation.ChangeColumnType(T, "c", "int", false),
                new Operation.RenameTable(T, TableName.of("u")),
                new Operation.DropIndex(T, "i", false, false, false),
                new Operation.DropConstraint(T, null, ConstraintKind.PRIMARY_KEY, false, false));
    }

    @Test
    void validateConstraintIsNotUnderstoodByTheTree() {
        assertFalse(
                tree("ALTER TABLE t VALIDATE CONSTRAINT c", Dialect.POSTGRESQL).complete());
    }

    @Test
    void createTableWithInlineAndTableLevelForeignKeys() {
        TableName st = new TableName("s", "t");
        ForeignKeyDef inline =
                new ForeignKeyDef(null, List.of("u"), TableName.of("users"), List.of("id"), "CASCADE", null, false);
        ForeignKeyDef named = new ForeignKeyDef(
                "fk2", List.of("u", "n"), TableName.of("Users"), List.of("id", "n"), null, "SET NULL", false);
        expect(
                "CREATE TABLE IF NOT EXISTS s.t (id bigserial primary key, u int NOT NULL references users(id) on delete cascade,"
                        + " n varchar(20) DEFAULT 'x' UNIQUE,"
                        + " CONSTRAINT fk2 FOREIGN KEY (u, n) REFERENCES \"Users\" (id, n) ON UPDATE SET NULL, UNIQUE (n, u))",
                Dialect.POSTGRESQL,
                new Operation.CreateTable(
                        st,
                        List.of(
                                new ColumnDef("id", "bigserial", true, true, true, false, null),
                                new ColumnDef("u", "int", true, false, false, false, inline),
                                new ColumnDef("n", "varchar(20)", false, true, false, true, null)),
                        List.of("id"),
                        List.of(inline, named),
                        List.of(List.of("n"), List.of("n", "u")),
                        true));
    }

    @Test
    void createIndexKeepsUniquenessAndConcurrency() {
        expect(
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON s.t USING btree (a, b)",
                Dialect.POSTGRESQL,
                new Operation.CreateIndex(new TableName("s", "t"), "i", List.of("a", "b"), true, true, true));
    }

    @Test
    void parserTrapsAreRefused() {
        assertFalse(PARSER.parse("SELECT 1; DROP TABLE users").parsed());
        assertFalse(PARSER.parse("DELETE FROM t\n\n\nWHERE id = 1").parsed());
        assertFalse(PARSER.parse("DROP TYPE mood").parsed());
    }
}
