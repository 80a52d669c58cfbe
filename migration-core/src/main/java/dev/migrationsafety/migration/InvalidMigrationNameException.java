package dev.migrationsafety.migration;

/** A file name Flyway would not recognise as a migration, with the reason. */
public final class InvalidMigrationNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String reason;
    private final String suggestion;

    public InvalidMigrationNameException(String fileName, String reason) {
        this(fileName, reason, null);
    }

    /** @param suggestion the name the file should have, when one can be told */
    public InvalidMigrationNameException(String fileName, String reason, String suggestion) {
        super(fileName + ": " + reason);
        this.fileName = fileName;
        this.reason = reason;
        this.suggestion = suggestion;
    }

    /** The name the file should have, or {@code null}. */
    public String suggestion() {
        return suggestion;
    }

    public String fileName() {
        return fileName;
    }

    /** Why the name is not accepted, without the file name. */
    public String reason() {
        return reason;
    }
}
