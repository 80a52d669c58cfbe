package dev.migrationsafety.lint;

import dev.migrationsafety.migration.IrreversibleMarker;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.Site;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the catalogue on one migration file (and, for a down script, against its up script), then applies the
 * file's {@code migration:allow} comments. The result depends only on the files' contents, the dialect and the
 * script configuration, which is what makes it cacheable.
 */
public final class MigrationLinter {
    /** What Flyway's PostgreSQL parser runs outside a transaction (it tests the statement's start). */
    private final Dialect dialect;

    private final OperationChecks checks;

    public MigrationLinter(Dialect dialect) {
        this.dialect = dialect;
        this.checks = new OperationChecks(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Lints a versioned, baseline or repeatable migration.
     *
     * @param executeInTransaction Flyway's per-script {@code executeInTransaction} (from {@code <script>.conf}), or
     *     {@code null} when the script has no such setting
     */
    public List<Finding> lint(ParsedFile file, Boolean executeInTransaction) {
        return lint(file, executeInTransaction, null);
    }

    /**
     * Lints a versioned migration knowing the column types the earlier migrations left.
     *
     * @param prior what the earlier migrations created, or {@code null} when not known
     */
    List<Finding> lint(ParsedFile file, Boolean executeInTransaction, ObjectSet prior) {
        return lint(file, executeInTransaction, prior, Map.of());
    }

    /**
     * Lints a migration knowing the column types the earlier migrations left and the routines the other migrations
     * call.
     *
     * @param calledElsewhere routines other migrations call (see {@link RoutineRuns#of(List, Map)})
     */
    List<Finding> lint(
            ParsedFile file, Boolean executeInTransaction, ObjectSet prior, Map<String, String> calledElsewhere) {
        List<Finding> raw = new ArrayList<>(file.problems());
        checkStatements(file, null, prior, calledElsewhere, raw);
        concurrently(file, executeInTransaction, raw);
        return Suppressions.parse(file.path(), file.content()).apply(dedupe(raw), statements(file));
    }

    /**
     * The last statement of the file that creates each named constraint or index, by {@code constraint:} or {@code
     * index:} and the name in lower case.
     */
    private static Map<String, Integer> lastCreated(ParsedFile file) {
        Map<String, Integer> last = new HashMap<>();
        int index = 0;
        for (AnalyzedStatement a : file.statements()) {
            for (Operation op : a.operations()) {
                if (op instanceof Operation.AddConstraint c && c.name() != null) {
                    last.put(key("constraint", c.name()), index);
                } else if (op instanceof Operation.CreateIndex i && i.name() != null) {
                    last.put(key("index", i.name()), index);
                }
            }
            index++;
        }
        return last;
    }

    /**
     * Whether the operation drops a constraint or index that the same or a later statement of this migration creates
     * again under the same name ({@code DROP CONSTRAINT x, ADD CONSTRAINT x ...}). A drop with {@code CASCADE} is
     * still checked: it takes dependent objects with it.
     */
    private static boolean recreatedLater(Operation op, int index, Map<String, Integer> lastCreated) {
        String key = null;
        if (op instanceof Operation.DropConstraint d && !d.cascade() && d.name() != null) {
            key = key("constraint", d.name());
        } else if (op instanceof Operation.DropIndex d && !d.cascade() && d.name() != null) {
            key = key("index", d.name());
        }
        Integer created = key == null ? null : lastCreated.get(key);
        return created != null && created >= index;
    }

    private static String key(String kind, String name) {
        int dot = name.lastIndexOf('.');
        return kind + ":" + (dot < 0 ? name : name.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }

    /**
     * Lints a down script against the up script of the same version.
     *
     * @param up the up script, or {@code null} when there is none (then every drop is of a pre-existing object)
     */
    public List<Finding> lintDown(ParsedFile down, ParsedFile up, Boolean executeInTransaction) {
        List<Finding> raw = new ArrayList<>(down.problems());
        ObjectSet createdByUp = new ObjectSet();
        if (up != null) {
            RoutineRuns upRuns = RoutineRuns.of(up.statements());
            for (AnalyzedStatement a : up.statements()) {
                for (int i = 0; i < a.operations().size(); i++) {
                    if (upRuns.runs(a.site(i).routine())) {
                        createdByUp.record(a.operations().get(i));
                    }
                }
            }
        }
        checkStatements(down, createdByUp, null, Map.of(), raw);
        concurrently(down, executeInTransaction, raw);
        if (up != null && !IrreversibleMarker.isMarked(down.content())) {
            LossyRollback.check(up, down, raw);
        }
        return Suppressions.parse(down.path(), down.content()).apply(dedupe(raw), statements(down));
    }

    /**
     * The checks of every operation of the file, each at the line it is written on; those in a routine body the
     * migration does not run are lowered (see {@link RoutineRuns}), and only what runs counts as created earlier.
     *
     * @param up for a down script, what its up script created; {@code null} for any other file
     * @param prior what the earlier migrations created, for column types, or {@code null} when not known
     */
    private void checkStatements(
            ParsedFile file, ObjectSet up, ObjectSet prior, Map<String, String> calledElsewhere, List<Finding> raw) {
        RoutineRuns runs = RoutineRuns.of(file.statements(), calledElsewhere);
        ObjectSet earlier = new ObjectSet(prior);
        Map<String, Integer> lastCreated = lastCreated(file);
        int index = 0;
        for (AnalyzedStatement a : file.statements()) {
            int from = raw.size();
            List<Operation> ops = a.operations();
            for (int i = 0; i < ops.size(); i++) {
                Operation op = ops.get(i);
                if (recreatedLater(op, index, lastCreated)) {
                    continue; // replaced under the same name by this migration: nothing that relies on it loses it
                }
                Site site = a.site(i);
                int before = raw.size();
                checks.check(RoutineRuns.placed(a.statement(), site), op, earlier, up, raw);
                runs.describe(raw, before, site.routine(), op);
                if (op instanceof Operation.AddColumn && runs.runs(site.routine())) {
                    earlier.record(op); // ADD COLUMN x, ALTER x SET NOT NULL: the column is this migration's
                }
            }
            OperationChecks.joinCascades(raw, from);
            for (int i = 0; i < ops.size(); i++) {
                if (runs.runs(a.site(i).routine())) {
                    earlier.record(ops.get(i));
                }
            }
            index++;
        }
    }

    /** concurrently-in-transaction, the way Flyway 13 decides whether a PostgreSQL script runs in a transaction. */
    private void concurrently(ParsedFile file, Boolean executeInTransaction, List<Finding> out) {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        boolean anyTransactional = file.statements().stream().anyMatch(a -> !TransactionMode.FLYWAY_NON_TRANSACTIONAL
                .matcher(simplified(a.statement()))
                .find());
        for (AnalyzedStatement a : file.statements()) {
            if (a.operations().stream().noneMatch(MigrationLinter::isConcurrent)) {
                continue;
            }
            boolean flywaySeesIt = TransactionMode.FLYWAY_NON_TRANSACTIONAL
                    .matcher(simplified(a.statement()))
                    .find();
            String why;
            if (!flywaySeesIt) {
                why = "runs CONCURRENTLY inside a block or function body, which always runs in a transaction";
            } else if (Boolean.TRUE.equals(executeInTransaction)) {
                why = "runs CONCURRENTLY, but the script configuration sets executeInTransaction=true";
            } else if (anyTransactional) {
                why = "mixes CONCURRENTLY with transactional statements: Flyway refuses the migration unless"
                        + " mixed=true, which then runs all of it without a transaction";
            } else {
                continue;
            }
            out.add(Check.CONCURRENTLY_IN_TRANSACTION.at(a.statement(), why));
        }
    }

    private static boolean isConcurrent(Operation op) {
        return (op instanceof Operation.CreateIndex c && c.concurrently())
                || (op instanceof Operation.DropIndex d && d.concurrently());
    }

    /** The statement as Flyway tests it: leading comments dropped, whitespace collapsed, upper case. */
    static String simplified(SqlStatement s) {
        return TransactionMode.simplified(s);
    }

    private static List<SqlStatement> statements(ParsedFile file) {
        return file.statements().stream().map(AnalyzedStatement::statement).toList();
    }

    /** Without duplicates, in file order (stable: findings of one statement keep their order). */
    private static List<Finding> dedupe(List<Finding> findings) {
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(findings));
        unique.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        return unique;
    }

    /** lossy-rollback: the up destroys data, the down restores the structure without it. */
    private static final class LossyRollback {
        static void check(ParsedFile up, ParsedFile down, List<Finding> out) {
            ObjectSet restoredData = new ObjectSet();
            for (AnalyzedStatement a : down.statements()) {
                for (Operation op : a.operations()) {
                    TableName t = op instanceof Operation.Insert i
                            ? i.table()
                            : op instanceof Operation.Update u ? u.table() : null;
                    if (t != null) {
                        restoredData.record(
                                new Operation.CreateTable(t, List.of(), List.of(), List.of(), List.of(), false));
                    }
                }
            }
            for (AnalyzedStatement u : up.statements()) {
                for (Operation op : u.operations()) {
                    if (op instanceof Operation.DropColumn d) {
                        readded(down, d.table(), d.column(), restoredData, u, out);
                    } else if (op instanceof Operation.DropTable d) {
                        readded(down, d.table(), null, restoredData, u, out);
                    }
                }
            }
        }

        private static void readded(
                ParsedFile down,
                TableName table,
                String column,
                ObjectSet restoredData,
                AnalyzedStatement upStatement,
                List<Finding> out) {
            if (restoredData.hasTable(table)) {
                return;
            }
            for (AnalyzedStatement a : down.statements()) {
                for (Operation op : a.operations()) {
                    boolean match = column == null
                            ? op instanceof Operation.CreateTable ct && same(ct.table(), table)
                            : op instanceof Operation.AddColumn c
                                    && same(c.table(), table)
                                    && c.column().name().equalsIgnoreCase(column);
                    if (match) {
                        String what = column == null ? "table " + table : "column " + table + "." + column;
                        out.add(Check.LOSSY_ROLLBACK.at(
                                a.statement(),
                                "re-creates " + what + " empty: the data its up"
                                        + " script dropped ("
                                        + upStatement.statement().path() + ":"
                                        + upStatement.statement().line() + ") is not restored"));
                        return;
                    }
                }
            }
        }

        private static boolean same(TableName a, TableName b) {
            return a.qualified().equalsIgnoreCase(b.qualified());
        }
    }
}
