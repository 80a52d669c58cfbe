package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationName;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans and applies {@code mvn migration:rebase}: every unlocked versioned migration whose version is not newer
 * than the newest locked one (or that shares a version with another migration) gets a fresh timestamp version
 * after every existing version, in its old order, and its down script moves with it.
 */
public final class Rebaser {

    /** One file to rename. */
    public record Rename(Path from, Path to, String fromDisplay, String toDisplay) {}

    private final NamingPolicy policy;
    private final Clock clock;

    public Rebaser(NamingPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The renames, migrations each followed by their down script.
     *
     * @throws LockFileException when the lock file is damaged (resolve the conflict first)
     * @throws IllegalStateException when no timestamp version can be newer than the existing ones
     */
    public List<Rename> plan(ProjectHistory history) throws LockFileException {
        if (history.lockError() != null) {
            throw history.lockError();
        }
        Set<String> locked = history.lock().byPath().keySet();
        MigrationVersion newestLocked =
                history.lock().newestVersioned().map(LockEntry::version).orElse(null);
        List<MigrationFile> toMove = new ArrayList<>();
        Map<MigrationVersion, MigrationFile> downs = new HashMap<>();
        Set<MigrationVersion> seen = new HashSet<>();
        for (MigrationFile f : history.migrations().files()) {
            if (f.kind() == MigrationKind.UNDO) {
                downs.putIfAbsent(f.version(), f);
            }
        }
        for (MigrationFile f : history.migrations().files()) {
            if (f.kind() != MigrationKind.VERSIONED) {
                continue;
            }
            boolean duplicate = !seen.add(f.version());
            if (locked.contains(f.displayPath())) {
                continue;
            }
            if (duplicate || (newestLocked != null && !f.version().isNewerThan(newestLocked))) {
                toMove.add(f);
            }
        }
        if (toMove.isEmpty()) {
            return List.of();
        }
        MigrationVersion newestAll = history.migrations().newestVersion().orElseThrow();
        Instant next = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant afterNewest =
                policy.timestampOf(newestAll).map(t -> t.plusSeconds(1)).orElse(next);
        if (afterNewest.isAfter(next)) {
            next = afterNewest;
        }
        List<Rename> renames = new ArrayList<>();
        for (MigrationFile f : toMove) {
            String version = policy.versionText(next);
            if (!MigrationVersion.parse(version).isNewerThan(newestAll)) {
                throw new IllegalStateException("the new version " + version + " would not be newer than " + newestAll
                        + ", the newest existing version; rename " + f.displayPath() + " by hand");
            }
            renames.add(rename(history, f, version));
            MigrationFile down = downs.get(f.version());
            if (down != null && !locked.contains(down.displayPath())) {
                renames.add(rename(history, down, version));
            }
            next = next.plusSeconds(1);
        }
        return renames;
    }

    private static Rename rename(ProjectHistory history, MigrationFile f, String version) {
        String name = MigrationName.format(f.kind(), version, f.name().description());
        Path to = f.path().resolveSibling(name);
        return new Rename(f.path(), to, f.displayPath(), history.layout().display(to));
    }

    /**
     * Renames the files, never overwriting one: if any target exists, nothing is renamed.
     *
     * @throws java.nio.file.FileAlreadyExistsException naming the first target that exists
     */
    public static void apply(List<Rename> renames) throws IOException {
        for (Rename r : renames) {
            if (Files.exists(r.to(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new java.nio.file.FileAlreadyExistsException(r.toDisplay());
            }
        }
        for (Rename r : renames) {
            Files.move(r.from(), r.to());
        }
    }
}
