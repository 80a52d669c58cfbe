package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A project with an existing migration history that has not adopted the checks yet: no lock file, and at least
 * {@value #THRESHOLD} versioned migrations without a down script, as a history written before this plugin has. The
 * rules and goals then report one suggestion to run {@code mvn migration:adopt} instead of one error per file. A
 * project that writes its migrations with {@code mvn migration:new} has down scripts from the start, so its new
 * migrations are reported one by one as usual.
 *
 * @param migrations the versioned migrations
 * @param withoutDown how many of them have no down script
 * @param location the primary migration location, relative to the project, where the suggestion points
 */
public record ExistingHistory(int migrations, int withoutDown, String location) {
    /** From how many migrations without a down script a project without a lock file counts as an existing history. */
    public static final int THRESHOLD = 5;

    /** The goal that adopts an existing history. */
    public static final String ADOPT = "mvn migration:adopt";

    /** The project's existing history, or empty when it has a lock file or too few migrations without downs. */
    public static Optional<ExistingHistory> detect(MigrationSet set, boolean lockExists) {
        if (lockExists) {
            return Optional.empty();
        }
        Set<MigrationVersion> downs = new HashSet<>();
        for (MigrationFile f : set.files()) {
            if (f.kind() == MigrationKind.UNDO) {
                downs.add(f.version());
            }
        }
        int migrations = 0;
        int withoutDown = 0;
        for (MigrationFile f : set.versioned()) {
            migrations++;
            if (!downs.contains(f.version())) {
                withoutDown++;
            }
        }
        if (withoutDown < THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(new ExistingHistory(
                migrations, withoutDown, set.layout().display(set.layout().primaryMigrationDir())));
    }

    /**
     * The newest versioned migration without a down script: the version to test after when the migrations up to it
     * are released history ({@code migration.startAfter}). Empty when every migration has one.
     */
    public static Optional<MigrationVersion> newestWithoutDown(MigrationSet set) {
        Set<MigrationVersion> downs = new HashSet<>();
        for (MigrationFile f : set.files()) {
            if (f.kind() == MigrationKind.UNDO) {
                downs.add(f.version());
            }
        }
        MigrationVersion newest = null;
        for (MigrationFile f : set.versioned()) {
            if (!downs.contains(f.version()) && (newest == null || f.version().isNewerThan(newest))) {
                newest = f.version();
            }
        }
        return Optional.ofNullable(newest);
    }

    /** Shortcut for the history rules. */
    public static Optional<ExistingHistory> detect(ProjectHistory history) {
        return detect(history.migrations(), history.lockExists());
    }

    /** What the project is, in one clause: {@code 42 migrations, 42 without a down script, and no lock file}. */
    public String what() {
        return migrations + " migrations, " + (withoutDown == migrations ? "all" : String.valueOf(withoutDown))
                + " without a down script, and no lock file: an existing history that the checks do not know yet";
    }

    /** How to adopt it. */
    public String fix() {
        return "run `" + ADOPT + "` once: it records these migrations as released, accepts the findings they"
                + " already have and prints the enforcer configuration; then commit the files it writes";
    }

    /** The one finding a rule reports instead of one per file. */
    public Finding finding(String ruleId) {
        return new Finding(location, 0, 0, Severity.HIGH, ruleId, what(), fix());
    }
}
