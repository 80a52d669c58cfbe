package dev.migrationsafety.schema;

import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.ColumnDef;
import dev.migrationsafety.sql.ForeignKeyDef;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.List;

/** A hand-written migration chain for tests: migrations of statements of operations, as the analysis gives them. */
final class Chain {
    private final List<MigrationStatements> migrations = new ArrayList<>();
    private MigrationRef current;
    private List<AnalyzedStatement> statements;
    private int line;

    static Chain chain() {
        return new Chain();
    }

    Chain migration(String version, String description) {
        flush();
        current = new MigrationRef(
                version,
                description,
                "src/main/resources/db/migration/V" + version + "__" + description.replace(' ', '_') + ".sql");
        statements = new ArrayList<>();
        line = 1;
        return this;
    }

    /** One statement (on its own line, numbered from 1 in each file) doing these operations. */
    Chain statement(Operation... operations) {
        statements.add(new AnalyzedStatement(
                new SqlStatement(current.path(), line, 1, "-- test statement"), List.of(operations), true));
        line += 2;
        return this;
    }

    List<MigrationStatements> build() {
        flush();
        return List.copyOf(migrations);
    }

    private void flush() {
        if (current != null) {
            migrations.add(new MigrationStatements(current, statements));
            current = null;
        }
    }

    // ---- operation helpers

    static TableName t(String name) {
        return TableName.of(name);
    }

    static TableName t(String schema, String name) {
        return new TableName(schema, name);
    }

    static ColumnDef col(String name, String type) {
        return new ColumnDef(name, type, false, false, false, false, null);
    }

    static ColumnDef id(String name) {
        return new ColumnDef(name, "bigint", true, true, true, false, null);
    }

    static ColumnDef ref(String name, TableName target) {
        return new ColumnDef(name, "bigint", false, false, false, false, fk(List.of(), target, List.of()));
    }

    static ColumnDef ref(String name, TableName target, String targetColumn) {
        return new ColumnDef(name, "bigint", false, false, false, false, fk(List.of(), target, List.of(targetColumn)));
    }

    static ForeignKeyDef fk(List<String> columns, TableName target, List<String> targetColumns) {
        return new ForeignKeyDef(null, columns, target, targetColumns, null, null, false);
    }

    static ForeignKeyDef fk(String name, List<String> columns, TableName target, List<String> targetColumns) {
        return new ForeignKeyDef(name, columns, target, targetColumns, null, null, false);
    }

    static Operation.CreateTable create(TableName table, ColumnDef... columns) {
        return new Operation.CreateTable(table, List.of(columns), List.of(), List.of(), List.of(), false);
    }

    static Operation.CreateTable create(
            TableName table, List<ColumnDef> columns, List<String> primaryKey, List<ForeignKeyDef> foreignKeys) {
        return new Operation.CreateTable(table, columns, primaryKey, foreignKeys, List.of(), false);
    }

    static Operation.AddConstraint addFk(TableName table, String name, ForeignKeyDef fk) {
        return new Operation.AddConstraint(table, name, Operation.ConstraintKind.FOREIGN_KEY, fk.columns(), fk, false);
    }

    static Operation.DropConstraint dropConstraint(TableName table, String name, Operation.ConstraintKind kind) {
        return new Operation.DropConstraint(table, name, kind, false, false);
    }

    static Operation.DropTable drop(TableName table) {
        return new Operation.DropTable(table, false, false);
    }

    static Operation.DropTable dropCascade(TableName table) {
        return new Operation.DropTable(table, false, true);
    }
}
