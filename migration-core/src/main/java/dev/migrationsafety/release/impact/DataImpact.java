package dev.migrationsafety.release.impact;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.OperationTables;
import dev.migrationsafety.sql.SqlAnalysis;
import dev.migrationsafety.sql.TableName;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Measures on the target what the pending migrations' changes do to its data: each finding of the check catalogue
 * on a table, and each {@code DELETE}/{@code UPDATE} the catalogue has no finding for, becomes an {@link Impact} with
 * the table's estimated rows and size, the rows the change affects, the lock it takes, and an advice level.
 *
 * <p>Only reads, every query bounded: catalogue statistics, {@code EXPLAIN} without {@code ANALYZE} (PostgreSQL) or
 * of the equivalent {@code SELECT} (MariaDB/MySQL), and counts over a {@code LIMIT}. The caller opens the connection
 * read-only with a statement timeout, and ends its transaction afterwards: the queries leave ACCESS SHARE locks on
 * the tables (PostgreSQL) or metadata locks (MariaDB) until the transaction ends.
 */
public final class DataImpact {
    /** The rule id of an impact of a {@code DELETE}/{@code UPDATE} that has no finding of its own. */
    public static final String DATA_CHANGE = "data-change";

    private final Dialect dialect;
    private final ImpactThresholds thresholds;
    private final TargetTables tables;
    private final PlanEstimates plans;

    /**
     * @param connection open on the target, read-only; not closed here
     * @param placeholders Flyway placeholder values for statements that still hold {@code ${name}} (empty when the
     *     caller resolved them already)
     */
    public DataImpact(
            Connection connection, Dialect dialect, ImpactThresholds thresholds, Map<String, String> placeholders) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.thresholds = thresholds == null ? ImpactThresholds.defaults() : thresholds;
        this.tables = new TargetTables(connection, dialect, this.thresholds.countLimit());
        this.plans = new PlanEstimates(connection, dialect, tables, placeholders == null ? Map.of() : placeholders);
    }

    public DataImpact(Connection connection, Dialect dialect, ImpactThresholds thresholds) {
        this(connection, dialect, thresholds, Map.of());
    }

    /**
     * Analyses pending migrations for {@link #assess}: each file's SQL (placeholders resolved, or resolved by the
     * map given to the constructor where a statement is explained), by the path the findings name, in the order Flyway
     * runs them (pass a {@link LinkedHashMap}).
     */
    public static List<FileAnalysis> analyse(Map<String, String> sqlByPath, Dialect dialect) {
        List<SqlAnalysis.Source> sources = new ArrayList<>();
        sqlByPath.forEach((path, sql) -> sources.add(new SqlAnalysis.Source(path, sql)));
        return new SqlAnalysis().analyzeAll(sources, dialect);
    }

    /**
     * The impact of each finding on a table (findings on no table, e.g. a grant, have none), then of each top-level
     * {@code DELETE}/{@code UPDATE} without a finding, in file order.
     *
     * @param findings the catalogue's findings on the pending migrations
     * @param pending the pending migrations analysed, in the order Flyway runs them (see {@link #analyse})
     */
    public List<Impact> assess(List<Finding> findings, List<FileAnalysis> pending) {
        List<Located> all = locate(pending);
        Map<String, List<Finding>> byPlace = new LinkedHashMap<>();
        for (Finding f : findings) {
            byPlace.computeIfAbsent(f.path() + ":" + f.line(), k -> new ArrayList<>())
                    .add(f);
        }
        Map<Located, Measure> measured = new HashMap<>();
        List<Impact> out = new ArrayList<>();
        for (Located l : all) {
            List<Finding> here = byPlace.getOrDefault(l.path() + ":" + l.line(), List.of());
            List<Finding> mine = new ArrayList<>();
            for (Finding f : here) {
                if (f.column() > 0 && f.column() != l.column()) {
                    continue; // another statement on the same line
                }
                if (RuleOperations.matches(f.ruleId(), l.op())
                        || (!RuleOperations.known(f.ruleId()) && first(l, all))) {
                    mine.add(f);
                }
            }
            boolean dataChange = mine.isEmpty()
                    && (l.op() instanceof Operation.Delete || l.op() instanceof Operation.Update)
                    && l.topLevel();
            if (mine.isEmpty() && !dataChange) {
                continue;
            }
            Measure m = measured.computeIfAbsent(l, x -> measure(x, all));
            if (dataChange) {
                out.add(m.impact(l, DATA_CHANGE, null));
            }
            for (Finding f : mine) {
                out.add(m.impact(l, f.ruleId(), f));
            }
        }
        return out;
    }

    /** Whether {@code l} is the first operation with a table of its statement (where an unknown rule's finding goes). */
    private static boolean first(Located l, List<Located> all) {
        return all.stream()
                        .filter(o -> o.path().equals(l.path()) && o.line() == l.line() && o.column() == l.column())
                        .findFirst()
                        .orElse(null)
                == l;
    }

    /** One operation on a table of a pending migration, where it is. */
    record Located(
            int order,
            String path,
            int line,
            int column,
            Operation op,
            TableName table,
            AnalyzedStatement statement,
            boolean topLevel) {}

    private static List<Located> locate(List<FileAnalysis> pending) {
        List<Located> out = new ArrayList<>();
        for (FileAnalysis file : pending) {
            for (AnalyzedStatement a : file.statements()) {
                for (int i = 0; i < a.operations().size(); i++) {
                    Operation op = a.operations().get(i);
                    TableName table = OperationTables.primary(op);
                    if (table != null) {
                        boolean top = a.site(i).runsWithStatement()
                                && a.site(i).line() == a.statement().line();
                        out.add(new Located(
                                out.size(),
                                file.path(),
                                a.site(i).line(),
                                a.site(i).column(),
                                op,
                                table,
                                a,
                                top));
                    }
                }
            }
        }
        return out;
    }

    private Measure measure(Located l, List<Located> all) {
        Measurement m = new Measurement(dialect, thresholds, tables, plans);
        if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MYSQL) {
            return Measure.notAssessed(
                    "not assessed: data impact is measured on PostgreSQL and MariaDB/MySQL, not " + dialect.id());
        }
        Located creator = all.stream()
                .filter(o -> o.order() < l.order() && creates(o.op(), l.table()))
                .findFirst()
                .orElse(null);
        return m.of(l, creator == null ? null : creator.path() + ":" + creator.line());
    }

    private static boolean creates(Operation op, TableName table) {
        TableName made = op instanceof Operation.CreateTable c
                ? c.table()
                : op instanceof Operation.RenameTable r ? r.to() : null;
        return made != null && sameTable(made, table);
    }

    static boolean sameTable(TableName a, TableName b) {
        boolean schemas = a.schema() == null
                || b.schema() == null
                || a.schema().toLowerCase(Locale.ROOT).equals(b.schema().toLowerCase(Locale.ROOT));
        return schemas && a.name().equalsIgnoreCase(b.name());
    }
}
