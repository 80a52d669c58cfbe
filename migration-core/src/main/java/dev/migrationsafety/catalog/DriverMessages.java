package dev.migrationsafety.catalog;

/** What a JDBC driver or database says, made fit for one line of a report. */
public final class DriverMessages {
    private DriverMessages() {}

    /**
     * The message on one line, without the MariaDB driver's connection id prefix (which differs from run to run).
     */
    public static String oneLine(String message) {
        return message == null
                ? ""
                : message.replaceAll("\\s*\\R\\s*", " ")
                        .replaceFirst("^\\(conn=\\d+\\) ", "")
                        .strip();
    }
}
