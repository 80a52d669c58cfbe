package dev.migrationsafety.migration;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a scan of the migration locations found: the recognised files and everything else.
 *
 * @param files recognised migration files, versioned kinds in version order, then repeatables by description
 * @param strays files and directories that are not usable migrations, by path
 */
public record MigrationSet(MigrationLayout layout, List<MigrationFile> files, List<StrayFile> strays) {
    static final Comparator<MigrationFile> ORDER = Comparator.<MigrationFile, Boolean>comparing(
                    f -> f.kind() == MigrationKind.REPEATABLE)
            .thenComparing(f -> f.version(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> f.kind())
            .thenComparing(MigrationFile::displayPath);

    public MigrationSet {
        files = files.stream().sorted(ORDER).toList();
        strays = strays.stream()
                .sorted(Comparator.comparing(StrayFile::displayPath))
                .toList();
    }

    public List<MigrationFile> ofKind(MigrationKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Versioned ({@code V}) migrations in version order. */
    public List<MigrationFile> versioned() {
        return ofKind(MigrationKind.VERSIONED);
    }

    /** Down ({@code U}) scripts in version order. */
    public List<MigrationFile> undo() {
        return ofKind(MigrationKind.UNDO);
    }

    public List<MigrationFile> repeatable() {
        return ofKind(MigrationKind.REPEATABLE);
    }

    public List<MigrationFile> baselines() {
        return ofKind(MigrationKind.BASELINE);
    }

    /** The newest version among versioned, baseline and undo files, if any. */
    public Optional<MigrationVersion> newestVersion() {
        return files.stream().map(MigrationFile::version).filter(v -> v != null).max(Comparator.naturalOrder());
    }

    /** The down script for a versioned migration: the U file of the same version, if any. */
    public Optional<MigrationFile> undoFor(MigrationFile migration) {
        return files.stream()
                .filter(f -> f.kind() == MigrationKind.UNDO && f.version().equals(migration.version()))
                .findFirst();
    }
}
