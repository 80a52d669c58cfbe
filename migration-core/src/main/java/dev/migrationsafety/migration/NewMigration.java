package dev.migrationsafety.migration;

import java.util.Objects;
import java.util.Set;

/**
 * What {@code migration:new} is asked to create.
 *
 * @param layout where migrations and down scripts live
 * @param policy how the version and the description are written
 * @param ignoredNames file names in the locations that are not migrations (e.g. the lock file)
 * @param description the free-text name, e.g. {@code Add user preferences}
 * @param template what the files contain
 * @param irreversibleReason when not null, the migration cannot be reversed and its down file says why
 */
public record NewMigration(
        MigrationLayout layout,
        NamingPolicy policy,
        Set<String> ignoredNames,
        String description,
        MigrationTemplate template,
        String irreversibleReason) {
    public NewMigration {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(template, "template");
        ignoredNames = Set.copyOf(ignoredNames);
    }

    /** Whether the down file marks the migration irreversible instead of undoing it. */
    public boolean irreversible() {
        return irreversibleReason != null;
    }
}
