package dev.migrationsafety.migration;

/** A file name Flyway would not recognise as a migration, with the reason. */
public final class InvalidMigrationNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String reason;

    public InvalidMigrationNameException(String fileName, String reason) {
        super(fileName + ": " + reason);
        this.fileName = fileName;
        this.reason = reason;
    }

    public String fileName() {
        return fileName;
    }

    /** Why the name is not accepted, without the file name. */
    public String reason() {
        return reason;
    }
}
