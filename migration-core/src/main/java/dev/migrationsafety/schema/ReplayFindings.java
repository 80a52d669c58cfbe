package dev.migrationsafety.schema;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.schema.MutableSchema.FkState;
import dev.migrationsafety.schema.MutableSchema.Renamed;
import dev.migrationsafety.schema.MutableSchema.TableState;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.List;

/** What a {@link SchemaReplay} reports, worded once: each finding at the statement being replayed. */
final class ReplayFindings {
    private final MutableSchema schema;
    private final List<Finding> findings = new ArrayList<>();
    private MigrationRef migration;
    private SqlStatement statement;

    ReplayFindings(MutableSchema schema) {
        this.schema = schema;
    }

    /** Where the next findings are. */
    void at(MigrationRef migration, SqlStatement statement) {
        this.migration = migration;
        this.statement = statement;
    }

    List<Finding> list() {
        return findings;
    }

    void notAnalysable(String reason) {
        add(
                Severity.MEDIUM,
                SchemaReplay.NOT_ANALYSABLE,
                "statement could not be analysed (" + reason + "); the graph may miss what it does",
                "write it in a form the analysis reads, or check the graph by hand around this statement");
    }

    void dropReferencedTable(TableState table, List<FkState> blocking) {
        add(
                Severity.HIGH,
                SchemaReplay.DROP_REFERENCED_TABLE,
                "drops table " + schema.display(table.name) + ", which " + describe(blocking)
                        + "; the database refuses the drop",
                "drop those foreign keys (or the referencing tables) first, in this migration or an earlier one");
    }

    void dropReferencedColumn(TableState table, String column, List<FkState> referencing) {
        add(
                Severity.HIGH,
                SchemaReplay.DROP_REFERENCED_COLUMN,
                "drops column " + schema.display(table.name) + "." + column + ", which " + describe(referencing)
                        + "; the database refuses the drop",
                "drop those foreign keys first, in this migration or an earlier one");
    }

    /** @param what e.g. {@code foreign key fk of orders(customer_id)} */
    void missingTable(String what, TableName target) {
        add(
                Severity.HIGH,
                SchemaReplay.MISSING_FK_TARGET,
                what + " references table " + schema.display(target)
                        + ", which does not exist at this point of the migration history",
                "create " + schema.display(target) + " in an earlier migration, or add the foreign key "
                        + "in a migration after the one that creates it");
    }

    void missingColumn(String what, TableState target, String column) {
        add(
                Severity.HIGH,
                SchemaReplay.MISSING_FK_TARGET,
                what + " references column " + schema.display(target.name) + "." + column
                        + ", which does not exist at this point of the migration history",
                "reference an existing column, or add " + column + " in an earlier migration");
    }

    /** @param what what uses the old name, e.g. {@code uses table users} */
    void renamedAway(String what, Renamed renamed, String fix) {
        add(
                Severity.HIGH,
                SchemaReplay.RENAME_BREAKS_REFERENCE,
                what + ", which " + renamed.by().id() + " (" + renamed.by().path() + ":" + renamed.line()
                        + ") renamed to " + renamed.newName() + "; the statement fails",
                fix);
    }

    /** {@code foreign key x of t (V1) still references} or {@code foreign keys x of t (V1), ... still reference}. */
    private String describe(List<FkState> fks) {
        List<String> names = new ArrayList<>();
        for (FkState fk : fks.subList(0, Math.min(5, fks.size()))) {
            names.add(fk.name + " of " + schema.display(fk.owner.name) + " (" + fk.createdBy.id() + ")");
        }
        if (fks.size() > 5) {
            names.add((fks.size() - 5) + " more");
        }
        return fks.size() == 1
                ? "foreign key " + names.get(0) + " still references"
                : "foreign keys " + String.join(", ", names) + " still reference";
    }

    private void add(Severity severity, String rule, String message, String fix) {
        findings.add(new Finding(
                statement.path(),
                statement.line(),
                statement.column(),
                severity,
                rule,
                message + " (in " + migration.id() + ")",
                fix));
    }
}
