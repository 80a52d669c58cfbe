package dev.migrationsafety.release.impact;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Measures one operation on its table of the target (see {@link DataImpact}). */
final class Measurement {
    private final Dialect dialect;
    private final ImpactThresholds thresholds;
    private final TargetTables tables;
    private final PlanEstimates plans;

    Measurement(Dialect dialect, ImpactThresholds thresholds, TargetTables tables, PlanEstimates plans) {
        this.dialect = dialect;
        this.thresholds = thresholds;
        this.tables = tables;
        this.plans = plans;
    }

    /** @param createdAt where an earlier pending migration creates the table, or {@code null} */
    Measure of(DataImpact.Located l, String createdAt) {
        Operation op = l.op();
        String label = OperationLabels.of(op);
        TableLock lock = TableLock.of(op, dialect);
        if (l.table().qualified().contains("${")) {
            return Measure.notAssessed("its name holds a Flyway placeholder: pass the SQL with placeholders resolved");
        }
        TargetTables.Stats s;
        try {
            s = tables.stats(l.table());
        } catch (SQLException e) {
            return Measure.notAssessed("could not read the table's statistics (" + firstLine(e) + ")");
        }
        if (s == null) {
            if (createdAt != null) {
                return new Measure(
                        "new table, created by an earlier pending migration (" + createdAt + ")",
                        null,
                        null,
                        null,
                        null,
                        lock,
                        ImpactLevel.NEW_TABLE,
                        thresholds.advice(ImpactLevel.NEW_TABLE),
                        List.of());
            }
            return new Measure(
                    "not on the target",
                    null,
                    null,
                    null,
                    null,
                    lock,
                    ImpactLevel.NOT_ASSESSED,
                    "",
                    List.of("no earlier pending migration creates it: " + label
                            + " fails here unless it says IF EXISTS"));
        }
        List<String> notes = new ArrayList<>();
        if (s.note() != null) {
            notes.add(s.note());
        }
        Long rows = s.rows();
        Long affected = null;
        String detail = null;
        try {
            if (op instanceof Operation.DropTable || op instanceof Operation.Truncate) {
                affected = rows;
                detail = label + " loses " + all(rows);
            } else if (op instanceof Operation.DropPartition || op instanceof Operation.DiscardRows) {
                affected = rows;
                detail = label + " loses the rows it names, at most " + all(rows);
            } else if (op instanceof Operation.UnloggedTable) {
                affected = rows;
                detail = label + " keeps " + all(rows) + " only until the next crash";
            } else if (op instanceof Operation.DropColumn d) {
                if (!tables.hasColumn(s, d.column())) {
                    detail = label + ": the column is not on the target yet (an earlier pending migration adds it)";
                } else {
                    affected = thresholds.exactCount()
                            ? tables.exactValues(s, d.column())
                            : tables.boundedCount(s.sqlName(), tables.quote(d.column()) + " IS NOT NULL");
                    detail = label + " note: " + heldValues(affected);
                }
            } else if (op instanceof Operation.Delete || op instanceof Operation.Update) {
                boolean every = op instanceof Operation.Delete d ? d.everyRow() : ((Operation.Update) op).everyRow();
                if (every) {
                    affected = rows;
                    detail = label + " of every row: " + all(rows);
                } else if (!l.topLevel()) {
                    affected = rows;
                    notes.add("inside a block or routine body, not estimated: the table's rows are the upper bound");
                } else {
                    PlanEstimates.Estimate e = plans.estimate(l.statement().statement(), s.name());
                    if (e.rows() != null) {
                        affected = e.rows();
                        detail = label + " matches ~" + Impact.count(e.rows()) + " rows (planner estimate)";
                    } else {
                        affected = rows;
                        notes.add("not estimated: " + e.problem() + "; the table's rows are the upper bound");
                    }
                }
            } else if (lock != null && lock.scansTable() && !lock.blocks().equals(TableLock.SCHEMA)) {
                affected = rows;
            }
        } catch (SQLException e) {
            affected = rows;
            notes.add("not counted (" + firstLine(e) + "); the table's rows are the upper bound");
        }
        if (rows == null) {
            notes.add("the target has no row estimate for it");
        }
        ImpactLevel level = affected == null ? ImpactLevel.FINE : thresholds.levelOf(affected);
        String advice = affected == null ? "changes no row's data" : thresholds.advice(level);
        return new Measure(label, rows, s.bytes(), affected, detail, lock, level, advice, notes);
    }

    private static String all(Long rows) {
        return rows == null ? "all its rows" : "all ~" + Impact.count(rows) + " rows";
    }

    private String heldValues(long n) {
        if (thresholds.exactCount()) {
            return Impact.count(n) + " rows hold a value (exact count)";
        }
        String limit = Impact.count(thresholds.countLimit());
        return (n >= thresholds.countLimit() ? "at least " : "") + Impact.count(n)
                + " rows hold a value (counted up to " + limit + ")";
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
