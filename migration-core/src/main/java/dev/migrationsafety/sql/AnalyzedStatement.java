package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement with what the analysis found it does.
 *
 * @param statement the statement as split
 * @param operations what it does, in order; a {@link Operation.NotAnalysable} where it could not be cleared
 * @param parsed whether a JSqlParser tree took part in the result; false when the parser failed, timed out, or was
 *     skipped because the token classifier had cleared a statement whose tree cannot add a destructive operation
 *     (see {@code StatementAnalyzer}); the token classifier always runs
 * @param sites one per operation: the line it is written on (inside a {@code DO} block or a routine body, the
 *     inner statement's) and the routine whose body holds it; empty means every operation is the statement's own
 * @param calls the names the statement calls, from itself or from the bodies it defines (see {@link RoutineCall})
 */
public record AnalyzedStatement(
        SqlStatement statement, List<Operation> operations, boolean parsed, List<Site> sites, List<RoutineCall> calls) {
    public AnalyzedStatement {
        operations = List.copyOf(operations);
        List<Site> all = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            Site s = sites == null || i >= sites.size() ? null : sites.get(i);
            all.add(s != null ? s : new Site(statement.line(), statement.column(), null));
        }
        sites = List.copyOf(all);
        calls = calls == null ? List.of() : List.copyOf(calls);
    }

    /** A statement whose operations are all its own, at its start, with no calls. */
    public AnalyzedStatement(SqlStatement statement, List<Operation> operations, boolean parsed) {
        this(statement, operations, parsed, List.of(), List.of());
    }

    /** Where operation {@code i} is written and when it runs. */
    public Site site(int i) {
        return sites.get(i);
    }
}
