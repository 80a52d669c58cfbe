package dev.migrationsafety.sql;

/**
 * A line of a script that is a command to a client program, not SQL: a psql meta-command such as {@code \connect
 * db} or {@code \set ON_ERROR_STOP on}. Flyway sends it to the database as SQL, where it fails.
 *
 * @param path the file as reports show it
 * @param line 1-based line
 * @param column 1-based column of the backslash
 * @param text the whole command line, e.g. {@code \connect app}
 */
public record ClientCommand(String path, int line, int column, String text) {}
