package dev.migrationsafety.release;

import dev.migrationsafety.lint.AllowList;
import dev.migrationsafety.report.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the release goals are told, in Flyway's terms where Flyway has one.
 *
 * @param schema Flyway's default schema (first of {@code schemas}), or null for the connection's own
 * @param table Flyway's history table, or null for {@code flyway_schema_history}
 * @param outOfOrder Flyway's {@code outOfOrder}
 * @param mixed Flyway's {@code mixed}
 * @param placeholders Flyway's placeholders
 * @param failOn the lowest severity of a check finding on a pending migration that blocks
 * @param allowed the finding ids relaxed ({@code migration.allow})
 * @param allows the check allow-list of the POM, as {@code migration:check} uses it
 */
public record ReleaseSettings(
        String schema,
        String table,
        boolean outOfOrder,
        boolean mixed,
        Map<String, String> placeholders,
        Severity failOn,
        Set<String> allowed,
        List<AllowList.Entry> allows) {
    public ReleaseSettings {
        placeholders = Map.copyOf(placeholders);
        allowed = Set.copyOf(allowed);
        allows = List.copyOf(allows);
    }

    /** Flyway's defaults, checks blocking at {@code critical}, nothing allowed. */
    public static ReleaseSettings defaults() {
        return new ReleaseSettings(null, null, false, false, Map.of(), Severity.CRITICAL, Set.of(), List.of());
    }

    /** The ids of {@code -Dmigration.allow=id1, id2}, lower-cased, blanks dropped. */
    public static Set<String> parseAllowed(String text) {
        if (text == null) {
            return Set.of();
        }
        return Stream.of(text.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
