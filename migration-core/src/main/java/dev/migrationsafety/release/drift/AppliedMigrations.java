package dev.migrationsafety.release.drift;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationVersion;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which migrations the target's Flyway history says are applied, and so which the drift check replays: either the
 * exact versions (and repeatable migrations) of the history's successful rows, or every versioned migration up to
 * and including a version, with every repeatable one.
 *
 * @param upTo the highest applied version; nothing newer is replayed
 * @param versions the applied versions, or null for every version up to {@code upTo}
 * @param repeatables the descriptions of the applied repeatable migrations ({@code R__<description>.sql}, as
 *     Flyway's history records them), or null for every repeatable migration
 */
public record AppliedMigrations(MigrationVersion upTo, Set<MigrationVersion> versions, Set<String> repeatables) {
    public AppliedMigrations {
        versions = versions == null ? null : Set.copyOf(versions);
        repeatables = repeatables == null ? null : Set.copyOf(repeatables);
    }

    /**
     * Every versioned migration up to and including {@code version}, and every repeatable migration.
     *
     * @throws IllegalArgumentException when {@code version} is no Flyway version
     */
    public static AppliedMigrations upTo(String version) {
        return new AppliedMigrations(parse(version), null, null);
    }

    /**
     * Exactly these versions and repeatable migrations, as read from the successful rows of Flyway's history.
     *
     * @param versions the applied versions, e.g. {@code 1}, {@code 2.1}
     * @param repeatableDescriptions the applied repeatable migrations' descriptions as the history records them,
     *     e.g. {@code order totals} for {@code R__order_totals.sql}
     * @throws IllegalArgumentException when a version is no Flyway version
     */
    public static AppliedMigrations of(Collection<String> versions, Collection<String> repeatableDescriptions) {
        Set<MigrationVersion> parsed = new LinkedHashSet<>();
        versions.forEach(v -> parsed.add(parse(v)));
        MigrationVersion max = parsed.stream().max(MigrationVersion::compareTo).orElse(null);
        return new AppliedMigrations(max, parsed, Set.copyOf(repeatableDescriptions));
    }

    /** Whether the versioned migration was applied. */
    public boolean includes(MigrationFile versioned) {
        MigrationVersion v = versioned.version();
        if (upTo == null || v.isNewerThan(upTo)) {
            return false;
        }
        return versions == null || versions.contains(v);
    }

    /** Whether the repeatable migration was applied (compared by description, as Flyway's history keeps it). */
    public boolean includesRepeatable(MigrationFile repeatable) {
        return repeatables == null || repeatables.contains(historyDescription(repeatable));
    }

    /** A repeatable migration's description as Flyway's history records it: underscores read as spaces. */
    static String historyDescription(MigrationFile repeatable) {
        return repeatable.name().displayDescription();
    }

    /** The versions the history names that no file has. */
    List<MigrationVersion> withoutFile(Collection<MigrationFile> versioned) {
        if (versions == null) {
            return List.of();
        }
        Set<MigrationVersion> have = new LinkedHashSet<>();
        versioned.forEach(m -> have.add(m.version()));
        return versions.stream().filter(v -> !have.contains(v)).sorted().toList();
    }

    /** The repeatable descriptions the history names that no file has. */
    List<String> repeatablesWithoutFile(Collection<MigrationFile> repeatable) {
        if (repeatables == null) {
            return List.of();
        }
        Set<String> have = new LinkedHashSet<>();
        repeatable.forEach(m -> have.add(historyDescription(m)));
        return repeatables.stream().filter(r -> !have.contains(r)).sorted().toList();
    }

    private static MigrationVersion parse(String version) {
        if (version == null || !MigrationVersion.isValid(version.strip())) {
            throw new IllegalArgumentException("'" + version + "' is no Flyway version; give versions as Flyway's"
                    + " history lists them, such as 1, 2.1 or 20240101120000");
        }
        return MigrationVersion.parse(version.strip());
    }
}
