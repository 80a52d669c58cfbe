package dev.migrationsafety.migration;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.callback.Event;

/**
 * Flyway's SQL callback scripts: {@code <event>.sql} or {@code <event>__<description>.sql} in a migration location,
 * e.g. {@code beforeMigrate.sql}, {@code afterEachMigrate__grants.sql}. Flyway runs them around its commands; they
 * are neither migrations nor stray files.
 */
public final class CallbackScript {
    private static final Set<String> EVENTS =
            Arrays.stream(Event.values()).map(Event::getId).collect(Collectors.toUnmodifiableSet());

    private CallbackScript() {}

    /** Whether Flyway reads a file of this name in a migration location as a callback script. */
    public static boolean isCallback(String fileName) {
        if (!fileName.endsWith(MigrationName.SUFFIX)) {
            return false;
        }
        String stem = fileName.substring(0, fileName.length() - MigrationName.SUFFIX.length());
        int separator = stem.indexOf(MigrationName.SEPARATOR);
        return EVENTS.contains(separator < 0 ? stem : stem.substring(0, separator));
    }
}
