package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationLayout;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Turns what Flyway and the JDBC drivers report into the round trip's words: a {@link Failure} with file, line,
 * statement and the database's own message on one line, passwords masked, paths relative to the project.
 */
final class FlywayFailures {
    private FlywayFailures() {}

    /** The failure of a Flyway migrate: the statement with its line and the database's own message. */
    static Failure of(MigrationLayout layout, Phase phase, String path, FlywayException e, DbTarget target) {
        Failure f = rawFailure(phase, path, e, target);
        String base = layout.baseDir().toString() + java.io.File.separator;
        return new Failure(
                f.phase(), f.path(), f.line(), f.statement(), f.error().replace(base, ""));
    }

    private static Failure rawFailure(Phase phase, String path, FlywayException e, DbTarget target) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywaySqlScriptException s) {
                return new Failure(
                        phase, path, s.getLineNumber(), shorten(s.getStatement()), target.mask(sqlMessage(s)));
            }
        }
        if (e instanceof FlywayMigrateException m && m.getLineNumber() > 0) {
            return new Failure(phase, path, m.getLineNumber(), null, target.mask(firstLines(e.getMessage())));
        }
        return new Failure(phase, path, 0, null, target.mask(firstLines(e.getMessage())));
    }

    static String displayOf(MigrationLayout layout, String absolutePath) {
        return absolutePath == null ? null : layout.display(Path.of(absolutePath));
    }

    private static String sqlMessage(Throwable t) {
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return oneLine(sql.getMessage());
            }
        }
        return firstLines(t.getMessage());
    }

    static String oneLine(String message) {
        // the MariaDB driver prefixes its connection id, which differs from run to run
        return message == null
                ? ""
                : message.replaceAll("\\s*\\R\\s*", " ")
                        .replaceFirst("^\\(conn=\\d+\\) ", "")
                        .strip();
    }

    private static String firstLines(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.strip().split("\\R");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("---") || line.startsWith("Location")) {
                continue;
            }
            out.append(out.isEmpty() ? "" : " ").append(line.strip());
            if (out.length() > 300) {
                break;
            }
        }
        return out.toString();
    }

    static String shorten(String sql) {
        if (sql == null) {
            return null;
        }
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }
}
