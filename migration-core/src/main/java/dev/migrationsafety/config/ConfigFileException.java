package dev.migrationsafety.config;

/**
 * A configuration file this tool cannot read: the message names the file and line, what is wrong and how to fix it,
 * e.g. {@code flyway.conf:3: expected key=value, found 'flyway.locations' - write flyway.locations=...}.
 */
public final class ConfigFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigFileException(String file, int line, String problem, String fix) {
        this(file + ":" + line, problem, fix);
    }

    /** @param where where the value was read, e.g. {@code src/main/resources/application.yml:4} */
    public ConfigFileException(String where, String problem, String fix) {
        super(where + ": " + problem + " - " + fix);
    }
}
