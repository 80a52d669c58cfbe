package dev.migrationsafety.sql;

import java.util.List;

/**
 * A statement with what the analysis found it does.
 *
 * @param statement the statement as split
 * @param operations what it does, in order; a {@link Operation.NotAnalysable} where it could not be cleared
 * @param parsed whether a JSqlParser tree took part in the result; false when the parser failed, timed out, or was
 *     skipped because the token classifier had cleared a statement whose tree cannot add a destructive operation
 *     (see {@code StatementAnalyzer}); the token classifier always runs
 */
public record AnalyzedStatement(SqlStatement statement, List<Operation> operations, boolean parsed) {
    public AnalyzedStatement {
        operations = List.copyOf(operations);
    }
}
