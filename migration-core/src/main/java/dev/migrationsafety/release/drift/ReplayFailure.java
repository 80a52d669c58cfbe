package dev.migrationsafety.release.drift;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.migration.MigrationLayout;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Why the replay failed, on one line: the migration file (relative to the project) and line with the database's own
 * message and the statement, or Flyway's message without its help link and machine paths; passwords masked.
 */
final class ReplayFailure {
    private static final Pattern HELP_LINK = Pattern.compile(" ?See https?://\\S+ for more information\\.");
    private static final int STATEMENT = 120;

    private ReplayFailure() {}

    static String of(FlywayException e, MigrationLayout layout, DbTarget masking) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywaySqlScriptException s) {
                String file = s.getResource() == null
                        ? "a migration"
                        : layout.display(Path.of(s.getResource().getAbsolutePathOnDisk()));
                String statement = s.getStatement() == null ? null : DriverMessages.oneLine(s.getStatement());
                if (statement != null && statement.length() > STATEMENT) {
                    statement = statement.substring(0, STATEMENT - 4) + " ...";
                }
                return masking.mask(file + ":" + s.getLineNumber() + ": " + databaseMessage(s)
                        + (statement == null ? "" : " [statement: " + statement + "]"));
            }
        }
        String text = HELP_LINK.matcher(DriverMessages.oneLine(e.getMessage())).replaceAll("");
        for (Path dir : layout.migrationDirs()) {
            text = text.replace(dir + java.io.File.separator, layout.display(dir) + "/");
        }
        return masking.mask(text.replace(layout.baseDir() + java.io.File.separator, ""));
    }

    private static String databaseMessage(Throwable t) {
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return DriverMessages.oneLine(sql.getMessage());
            }
        }
        return DriverMessages.oneLine(t.getMessage());
    }
}
