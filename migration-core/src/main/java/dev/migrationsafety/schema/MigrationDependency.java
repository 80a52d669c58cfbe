package dev.migrationsafety.schema;

import java.util.List;

/**
 * Migration {@code migration} touches something {@code dependsOn} created (or renamed), so it cannot run, be
 * reordered before, or stay when {@code dependsOn} is reverted.
 *
 * @param migration the later migration
 * @param dependsOn the earlier migration
 * @param reasons what it touches, e.g. {@code table orders}, {@code column orders.customer_id}, sorted
 */
public record MigrationDependency(MigrationRef migration, MigrationRef dependsOn, List<String> reasons) {
    public MigrationDependency {
        reasons = List.copyOf(reasons);
    }
}
