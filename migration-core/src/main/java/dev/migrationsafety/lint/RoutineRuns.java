package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.Routine;
import dev.migrationsafety.sql.RoutineCall;
import dev.migrationsafety.sql.Site;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which function, procedure and trigger bodies of one migration run while it runs. A statement in such a body runs
 * only when the routine is called or the trigger fires: when the migration calls the routine by name (from a
 * statement, a {@code DO} block or a body that itself runs) or writes the table of the trigger, its findings are
 * reported as they are, saying where the migration makes it run; otherwise they are {@code low}, saying when it
 * runs. What reaches beyond the database (server programs and files, roles, grants) is not lowered: the routine
 * gives that reach to whoever calls it, later as much as now. Calls are matched by name within the file: a later migration that calls the routine is not followed, and the
 * low finding where the body is written is what shows it.
 */
final class RoutineRuns {
    /** Function and procedure names (lower case) that run, with why. */
    private final Map<String, String> called = new HashMap<>();
    /** Trigger names (lower case) that fire, with why. */
    private final Map<String, String> fired = new HashMap<>();

    /**
     * Functions and procedures (unqualified, lower case) that other migrations of the project call, with where: a
     * body runs when any migration calls it, so a destructive body cannot pass split across two files.
     */
    private final Map<String, String> calledElsewhere;

    /** In the message of a finding lowered because its routine does not run during the migration. */
    static final String ONLY_WHEN = ", so only when ";

    private RoutineRuns(Map<String, String> calledElsewhere) {
        this.calledElsewhere = calledElsewhere;
    }

    static RoutineRuns of(List<AnalyzedStatement> statements) {
        return of(statements, Map.of());
    }

    /** @param calledElsewhere what other migrations call, by {@link #unqualified} name, with where */
    static RoutineRuns of(List<AnalyzedStatement> statements, Map<String, String> calledElsewhere) {
        RoutineRuns runs = new RoutineRuns(calledElsewhere);
        Set<Routine> triggers = new LinkedHashSet<>();
        for (AnalyzedStatement a : statements) {
            a.sites().stream()
                    .map(Site::routine)
                    .filter(r -> r != null && r.trigger())
                    .forEach(triggers::add);
            a.calls().stream()
                    .map(RoutineCall::from)
                    .filter(r -> r != null && r.trigger())
                    .forEach(triggers::add);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (AnalyzedStatement a : statements) {
                for (RoutineCall c : a.calls()) {
                    if (runs.runs(c.from()) && !runs.called.containsKey(key(c.name()))) {
                        runs.called.put(key(c.name()), calledBy(c));
                        changed = true;
                    }
                }
                if (triggers.isEmpty()) {
                    continue;
                }
                for (int i = 0; i < a.operations().size(); i++) {
                    Site site = a.site(i);
                    if (!runs.runs(site.routine())) {
                        continue;
                    }
                    for (TableName written : written(a.operations().get(i))) {
                        for (Routine t : triggers) {
                            if (t.table() != null
                                    && t.table().name().equalsIgnoreCase(written.name())
                                    && !runs.fired.containsKey(key(t.name()))) {
                                runs.fired.put(
                                        key(t.name()),
                                        "which this migration fires: it writes " + written + " at line " + site.line());
                                changed = true;
                            }
                        }
                    }
                }
            }
        }
        return runs;
    }

    /** Whether statements in the body of {@code routine} run during the migration ({@code null}: no body, they do). */
    boolean runs(Routine routine) {
        if (routine == null) {
            return true;
        }
        return why(routine) != null;
    }

    /** Why the body of {@code routine} runs during the migrations, or {@code null} when it does not. */
    private String why(Routine routine) {
        if (routine.trigger()) {
            return fired.get(key(routine.name()));
        }
        String why = called.get(key(routine.name()));
        return why != null ? why : calledElsewhere.get(unqualified(routine.name()));
    }

    /** The name without its schema, in lower case: how calls in other files are matched (more matches, not fewer). */
    static String unqualified(String name) {
        String k = key(name);
        int dot = k.lastIndexOf('.');
        return (dot < 0 ? k : k.substring(dot + 1)).replace("\"", "").replace("`", "");
    }

    /**
     * The statement as the findings of an operation at {@code site} are placed: at the line the operation is written
     * on (a statement inside a {@code DO} block or a body has its own).
     */
    static SqlStatement placed(SqlStatement s, Site site) {
        if (site.line() == s.line() && site.column() == s.column()) {
            return s;
        }
        return new SqlStatement(
                s.path(), site.line(), site.column(), s.text(), s.dialect(), s.offset(), s.leadingComments());
    }

    /**
     * Rewrites the findings from index {@code from} on, which {@code op} in the body of {@code routine} gave: they
     * say where the migration makes it run, or they are lowered to {@code low} and say when it runs.
     */
    void describe(List<Finding> out, int from, Routine routine, Operation op) {
        if (routine == null) {
            return;
        }
        String why = why(routine);
        boolean reach = op instanceof Operation.ServerSide
                || op instanceof Operation.ChangeRole
                || op instanceof Operation.Grant;
        for (int i = from; i < out.size(); i++) {
            Finding f = out.get(i);
            String message;
            Severity severity = f.severity();
            if (why == null && reach) {
                message = f.message() + "; in " + routine.display() + ", which gives this to whoever "
                        + (routine.trigger() ? "fires it" : "calls it");
            } else if (why != null) {
                message = f.message() + "; in " + routine.display() + ", " + why;
            } else {
                message = f.message() + "; in " + routine.display() + ONLY_WHEN + when(routine)
                        + ", which this migration does not do";
                severity = Severity.LOW;
            }
            out.set(i, new Finding(f.path(), f.line(), f.column(), severity, f.ruleId(), message, f.fix()));
        }
    }

    private static String when(Routine routine) {
        if (!routine.trigger()) {
            return "it is called";
        }
        return routine.table() == null ? "it fires" : "a write to " + routine.table() + " fires it";
    }

    private static String calledBy(RoutineCall c) {
        if (c.from() == null) {
            return "which this migration calls at line " + c.line();
        }
        return "which " + c.from().display() + " calls at line " + c.line() + ", and this migration "
                + (c.from().trigger() ? "fires it" : "calls it");
    }

    /** The tables whose triggers an operation fires. */
    private static List<TableName> written(Operation op) {
        List<TableName> tables = new ArrayList<>(1);
        if (op instanceof Operation.Insert i) {
            tables.add(i.table());
        } else if (op instanceof Operation.Update u) {
            tables.add(u.table());
        } else if (op instanceof Operation.Delete d) {
            tables.add(d.table());
        } else if (op instanceof Operation.Truncate t) {
            tables.addAll(t.tables());
        }
        return tables;
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
