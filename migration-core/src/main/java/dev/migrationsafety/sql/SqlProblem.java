package dev.migrationsafety.sql;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.util.Objects;

/**
 * Something in a SQL file that stops it from being read the way the database would read it: an unterminated
 * quote or comment, bytes that are not UTF-8, a binary file. Reported where the construct opens.
 *
 * @param path the file as reports show it (may be empty for text lexed without a file)
 * @param line 1-based line, or 0 for the whole file
 * @param column 1-based column, or 0 when unknown
 * @param kind what went wrong
 * @param message what is wrong, e.g. "unterminated string literal: the ' opened here is never closed"
 * @param fix how to fix it
 */
public record SqlProblem(String path, int line, int column, Kind kind, String message, String fix) {

    /** What went wrong. */
    public enum Kind {
        UNTERMINATED_STRING,
        UNTERMINATED_QUOTED_IDENTIFIER,
        UNTERMINATED_DOLLAR_QUOTE,
        UNTERMINATED_COMMENT,
        /** A {@code (} never closed: the rest of the file was read as one statement. */
        UNCLOSED_PARENTHESIS,
        /** A {@code ;} inside parentheses (outside {@code CREATE RULE}): a {@code (} is missing its {@code )}. */
        SEMICOLON_IN_PARENTHESES,
        /** A {@code BEGIN} of a routine body without its {@code END}. */
        UNCLOSED_BLOCK,
        /** The data of a PostgreSQL {@code COPY ... FROM stdin} without its closing line {@code \.}. */
        UNTERMINATED_COPY_DATA,
        /** A MySQL {@code DELIMITER} directive without a delimiter. */
        BAD_DELIMITER,
        NOT_UTF8,
        BINARY,
        UNREADABLE
    }

    public SqlProblem {
        path = path == null ? "" : path;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /** The same problem for another file path. */
    public SqlProblem withPath(String newPath) {
        return new SqlProblem(newPath, line, column, kind, message, fix);
    }

    /** This problem as a finding of the given check and severity. */
    public Finding toFinding(String ruleId, Severity severity) {
        return new Finding(path, line, column, severity, ruleId, message, fix);
    }

    /** {@code path:line:col: message - fix}. */
    @Override
    public String toString() {
        String where = line > 0 ? path + ":" + line + (column > 0 ? ":" + column : "") : path;
        return where + ": " + message + (fix.isEmpty() ? "" : " - " + fix);
    }
}
