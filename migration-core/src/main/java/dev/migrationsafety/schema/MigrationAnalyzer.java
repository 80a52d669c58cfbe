package dev.migrationsafety.schema;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import dev.migrationsafety.sql.SqlAnalysis;
import java.io.IOException;

/** Reads one migration file and analyses its statements: the SQL analysis, as the graph needs it. */
@FunctionalInterface
public interface MigrationAnalyzer {
    /**
     * @return the file's statements in order with their operations, and what stopped it being read reliably
     * @throws IOException when the file cannot be read
     */
    FileAnalysis analyze(MigrationFile file) throws IOException;

    /** The project's SQL analysis of files in the dialect. */
    static MigrationAnalyzer of(SqlAnalysis analysis, Dialect dialect) {
        return file -> analysis.analyzeFile(file.path(), file.displayPath(), dialect);
    }
}
