package dev.migrationsafety.release;

import dev.migrationsafety.database.ReadOnlySession;
import dev.migrationsafety.flyway.FlywayPlaceholders;
import dev.migrationsafety.lint.TransactionMode;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.sql.SqlFileContent;
import dev.migrationsafety.sql.SqlFiles;
import dev.migrationsafety.sql.SqlSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL {@code flyway migrate} will run for each pending migration: the file's text with placeholders replaced by
 * Flyway's own reader (configured ones and Flyway's {@code ${flyway:...}}, read on the target's read-only session),
 * and whether it runs in a transaction. Nothing is executed.
 */
public final class DryRun {
    /**
     * One pending migration, as it will run.
     *
     * @param file the migration
     * @param sql its SQL with placeholders replaced, or null when {@code problem} says why not
     * @param mode how Flyway runs it
     * @param problem why it cannot run as it is (a placeholder without a value, an unreadable file), or null
     */
    public record Script(MigrationFile file, String sql, TransactionMode mode, String problem) {}

    /** A placeholder without a value or an unreadable file in a pending migration. */
    public static final String PROBLEM = "dry-run-problem";

    private final FlywayPlaceholders placeholders;
    private final String defaultSchema;
    private final boolean mixed;

    /**
     * @param placeholders the configured placeholders
     * @param table Flyway's history table, for {@code ${flyway:table}}
     * @param defaultSchema Flyway's default schema, or null for the connection's own
     * @param mixed Flyway's {@code mixed}
     */
    public DryRun(Map<String, String> placeholders, String table, String defaultSchema, boolean mixed) {
        this.placeholders = new FlywayPlaceholders(placeholders, table);
        this.defaultSchema = defaultSchema;
        this.mixed = mixed;
    }

    public List<Script> scripts(ReadOnlySession session, List<MigrationFile> pending) {
        List<Script> out = new ArrayList<>();
        for (MigrationFile file : pending) {
            out.add(script(session, file));
        }
        return out;
    }

    private Script script(ReadOnlySession session, MigrationFile file) {
        SqlFileContent content = SqlFiles.read(file.path(), file.displayPath());
        if (!content.readable()) {
            return new Script(file, null, null, content.problems().get(0).message());
        }
        FlywayPlaceholders.Result replaced;
        try {
            replaced = placeholders.replace(
                    file.fileName(), content.content(), session.connection(), session.dialect(), defaultSchema);
        } catch (SQLException e) {
            throw session.failure("cannot read Flyway's built-in placeholders", e);
        }
        if (replaced.missing() != null) {
            String line =
                    replaced.missing().line() > 0 ? "line " + replaced.missing().line() + ": " : "";
            return new Script(file, null, null, line + replaced.missing().message());
        }
        var split = new SqlSplitter(session.dialect()).split(file.displayPath(), replaced.text());
        TransactionMode mode = TransactionMode.of(session.dialect(), split.statements(), conf(file.path()), mixed);
        return new Script(file, replaced.text(), mode, null);
    }

    private static byte[] conf(Path migration) {
        Path conf = migration.resolveSibling(migration.getFileName() + ".conf");
        try {
            return Files.isRegularFile(conf) ? Files.readAllBytes(conf) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The reviewable script of all pending migrations, in order, each headed by its file and transaction mode. */
    public static String planSql(String target, List<Script> scripts) {
        StringBuilder out = new StringBuilder();
        out.append("-- Dry run for ").append(target).append(": ").append(scripts.size());
        out.append(scripts.size() == 1 ? " pending migration" : " pending migrations");
        out.append(", in the order flyway migrate runs them.\n");
        out.append("-- For review: Flyway runs the files themselves and records each in its history table.\n");
        int i = 0;
        for (Script s : scripts) {
            i++;
            out.append("\n-- [").append(i).append('/').append(scripts.size()).append("] ");
            out.append(s.file().displayPath());
            if (s.problem() != null) {
                out.append("\n-- cannot run: ")
                        .append(s.problem().replace("\n", " "))
                        .append('\n');
                continue;
            }
            out.append(", ").append(s.mode().description()).append('\n');
            out.append(s.sql());
            if (!s.sql().endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
