package dev.migrationsafety.schema;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.sql.AnalyzedStatement;
import java.io.IOException;
import java.util.List;

/** Reads one migration file and analyses its statements: the SQL analysis, as the graph needs it. */
@FunctionalInterface
public interface MigrationAnalyzer {
    /**
     * @return the file's statements in order, each with its operations; statement paths as reports show them
     * @throws IOException when the file cannot be read
     */
    List<AnalyzedStatement> analyze(MigrationFile file) throws IOException;
}
