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

    /** Whether Flyway reads a file of this name in a migration location as a callback script (default naming). */
    public static boolean isCallback(String fileName) {
        return isCallback(fileName, FlywayNaming.DEFAULT);
    }

    /**
     * Whether Flyway reads a file of this name in a migration location as a callback script, with the project's
     * suffixes and separator: {@code beforeMigrate.pgsql}, {@code afterMigrate-grants.pgsql}.
     */
    public static boolean isCallback(String fileName, FlywayNaming naming) {
        String suffix = naming.suffixOf(fileName);
        if (suffix == null) {
            return false;
        }
        String stem = fileName.substring(0, fileName.length() - suffix.length());
        int separator = stem.indexOf(naming.separator());
        return EVENTS.contains(separator < 0 ? stem : stem.substring(0, separator));
    }
}
