package dev.migrationsafety.report;

import java.util.Objects;

/**
 * One thing wrong with one place in a project, reported as one line a user can act on:
 * {@code path:line: [rule] message - fix} (or with column and severity, see {@link #format()}).
 *
 * @param path the file, relative to the project base directory with '/' separators
 * @param line 1-based line, or 0 when the finding is about the whole file
 * @param column 1-based column, or 0 when unknown
 * @param severity how bad it is
 * @param ruleId the rule or check id, e.g. {@code drop-column} or {@code migrationNaming}
 * @param message what is wrong
 * @param fix how to fix it
 */
public record Finding(String path, int line, int column, Severity severity, String ruleId, String message, String fix) {
    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /** {@code path:line} (or just the path when the line is unknown). */
    public String location() {
        return line > 0 ? path + ":" + line : path;
    }

    /** The enforcer-rule form: {@code path:line: [rule] message - fix}. */
    public String format() {
        return location() + ": [" + ruleId + "] " + message + (fix.isEmpty() ? "" : " - " + fix);
    }

    /** The check form with column and severity: {@code path:line:col: severity [check] message - fix}. */
    public String formatWithSeverity() {
        String where = line > 0 ? path + ":" + line + (column > 0 ? ":" + column : "") : path;
        return where + ": " + severity.id() + " [" + ruleId + "] " + message + (fix.isEmpty() ? "" : " - " + fix);
    }

    @Override
    public String toString() {
        return formatWithSeverity();
    }
}
