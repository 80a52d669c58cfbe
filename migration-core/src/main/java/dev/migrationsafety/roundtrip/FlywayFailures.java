package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.migration.MigrationLayout;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Failure f = rawFailure(phase, path == null || path.isEmpty() ? scriptOf(layout, e) : path, e, target);
        String base = layout.baseDir().toString() + java.io.File.separator;
        return new Failure(
                f.phase(),
                f.path(),
                placeholderLine(layout, f).orElse(f.line()),
                f.statement(),
                f.error().replace(base, ""));
    }

    /**
     * The line of a placeholder without a value: Flyway names the line of the statement's start, or of the script's
     * first, because it replaces placeholders before it parses.
     */
    private static java.util.Optional<Integer> placeholderLine(MigrationLayout layout, Failure f) {
        Matcher missing = NO_VALUE.matcher(f.error());
        if (!missing.find() || f.path() == null || f.path().isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            String text = java.nio.file.Files.readString(layout.baseDir().resolve(f.path()));
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            int at = lower.indexOf(("${" + missing.group(1) + "}").toLowerCase(java.util.Locale.ROOT));
            return at < 0
                    ? java.util.Optional.empty()
                    : java.util.Optional.of((int) text.substring(0, at).lines().count()
                            + (text.substring(0, at).endsWith("\n") ? 1 : 0));
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The script Flyway was running, as reports show it, for a failure of a whole migrate where the caller cannot
     * know which migration failed (the migrations before the tested window); empty where Flyway does not say.
     */
    private static String scriptOf(MigrationLayout layout, FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywaySqlScriptException s && s.getResource() != null) {
                String onDisk = s.getResource().getAbsolutePathOnDisk();
                return onDisk == null || onDisk.isEmpty()
                        ? s.getResource().getFilename()
                        : layout.display(java.nio.file.Path.of(onDisk));
            }
        }
        return "";
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
        return parserFailure(phase, path, target.mask(firstLines(e.getMessage())));
    }

    private static final Pattern AT_LINE = Pattern.compile("\\bat line (\\d+)\\b");
    private static final Pattern HELP_LINK = Pattern.compile(" ?See https?://\\S+ for more information\\.");
    private static final Pattern NO_VALUE = Pattern.compile("No value provided for placeholder: \\$\\{([^}:]+)}");

    /**
     * A script Flyway's parser refused (a placeholder without a value, transactional and non-transactional statements
     * mixed): the line its message names becomes the failure's line, its link to Redgate's help is left out, and a
     * missing placeholder gets the way to give it a value.
     */
    static Failure parserFailure(Phase phase, String path, String message) {
        Matcher at = AT_LINE.matcher(message);
        int line = at.find() ? Integer.parseInt(at.group(1)) : 0;
        String text = HELP_LINK.matcher(message).replaceAll("");
        Matcher missing = NO_VALUE.matcher(text);
        if (missing.find()) {
            // Flyway names the start of the statement or script, not the placeholder: FlywayFailures.of finds it
            String name = missing.group(1);
            return new Failure(
                    phase,
                    path,
                    0,
                    null,
                    "No value provided for placeholder: ${" + name + "} (Flyway stops there in a deployment too); add"
                            + " it to the plugin configuration: <placeholders><" + name + ">value</" + name
                            + "></placeholders>");
        }
        return new Failure(phase, path, line, null, text);
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
        return DriverMessages.oneLine(message);
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
