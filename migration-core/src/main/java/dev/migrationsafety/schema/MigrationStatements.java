package dev.migrationsafety.schema;

import dev.migrationsafety.sql.AnalyzedStatement;
import java.util.List;

/**
 * One migration with its analysed statements, the input of a {@link SchemaReplay}.
 *
 * @param migration the migration
 * @param statements its statements in file order, each with what the analysis found it does
 */
public record MigrationStatements(MigrationRef migration, List<AnalyzedStatement> statements) {
    public MigrationStatements {
        statements = List.copyOf(statements);
    }
}
