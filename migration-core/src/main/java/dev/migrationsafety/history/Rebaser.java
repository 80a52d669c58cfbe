package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans and applies {@code mvn migration:rebase}: every unlocked versioned migration whose version is not newer
 * than the newest locked one (or that shares a version with another migration), and with {@code frozenThrough}
 * every new one at or below it, gets a fresh timestamp version after every existing version (and after
 * {@code frozenThrough}), in its old order, and its down script moves with it.
 *
 * <p>Released files are never moved. Which files are released is decided as {@link FreezeCheck} decides it: the
 * locked ones, and, while the lock file records no version at or below {@code frozenThrough}, the files in that
 * range that git has at {@code baseRef} (one {@code git ls-tree}, asked only when such unlocked files exist).
 */
public final class Rebaser {

    /** One file to rename. */
    public record Rename(Path from, Path to, String fromDisplay, String toDisplay) {}

    private final NamingPolicy policy;
    private final Clock clock;
    private final MigrationVersion frozenThrough;
    private final String baseRef;
    private final Map<String, String> gitEnv;

    public Rebaser(NamingPolicy policy, Clock clock) {
        this(policy, clock, null, FreezeCheck.DEFAULT_BASE_REF);
    }

    /**
     * @param frozenThrough the highest released version: unlocked new files at or below it are moved too; or
     *     {@code null}
     * @param baseRef the git ref that records the released files at or below {@code frozenThrough} while the lock
     *     file records none of them
     */
    public Rebaser(NamingPolicy policy, Clock clock, MigrationVersion frozenThrough, String baseRef) {
        this(policy, clock, frozenThrough, baseRef, Map.of());
    }

    /** With variables added to git's environment, for tests that isolate git from the machine's configuration. */
    Rebaser(
            NamingPolicy policy,
            Clock clock,
            MigrationVersion frozenThrough,
            String baseRef,
            Map<String, String> gitEnv) {
        this.policy = policy;
        this.clock = clock;
        this.frozenThrough = frozenThrough;
        this.baseRef = baseRef;
        this.gitEnv = Map.copyOf(gitEnv);
    }

    /**
     * The renames, migrations each followed by their down script.
     *
     * @throws LockFileException when the lock file is damaged (resolve the conflict first)
     * @throws GitRecordException when git must tell which files at or below {@code frozenThrough} are released
     *     and cannot
     * @throws IllegalStateException when no timestamp version can be newer than the existing ones
     */
    public List<Rename> plan(ProjectHistory history) throws LockFileException, GitRecordException {
        if (history.lockError() != null) {
            throw history.lockError();
        }
        Set<String> released = released(history);
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
            if (released.contains(f.displayPath())) {
                continue;
            }
            if (duplicate || (newestLocked != null && !f.version().isNewerThan(newestLocked)) || frozen(f.version())) {
                toMove.add(f);
            }
        }
        if (toMove.isEmpty()) {
            return List.of();
        }
        MigrationVersion newestAll = history.migrations().newestVersion().orElseThrow();
        if (frozenThrough != null && frozenThrough.isNewerThan(newestAll)) {
            newestAll = frozenThrough;
        }
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
                        + ", the newest existing version (or frozenThrough); rename " + f.displayPath() + " by hand");
            }
            renames.add(rename(history, f, version));
            MigrationFile down = downs.get(f.version());
            if (down != null && !released.contains(down.displayPath())) {
                renames.add(rename(history, down, version));
            }
            next = next.plusSeconds(1);
        }
        return renames;
    }

    private boolean frozen(MigrationVersion version) {
        return frozenThrough != null && !version.isNewerThan(frozenThrough);
    }

    /**
     * The paths of released files: the locked ones and, while the lock file records nothing at or below
     * {@code frozenThrough}, the unlocked files in that range that git has at {@code baseRef}.
     */
    private Set<String> released(ProjectHistory history) throws GitRecordException {
        Set<String> released = new HashSet<>(history.lock().byPath().keySet());
        if (frozenThrough == null
                || history.lock().entries().stream().anyMatch(e -> e.version() != null && frozen(e.version()))) {
            return released;
        }
        boolean unlockedInRange = history.migrations().files().stream()
                .anyMatch(f -> f.version() != null && frozen(f.version()) && !released.contains(f.displayPath()));
        if (!unlockedInRange) {
            return released;
        }
        MigrationLayout layout = history.layout();
        Collection<Path> dirs = new LinkedHashSet<>(layout.migrationDirs());
        dirs.add(layout.undoDir());
        Map<String, String> atRef =
                GitTree.read(layout.baseDir(), baseRef, dirs, gitEnv).blobs();
        for (MigrationFile f : history.migrations().files()) {
            if (f.version() != null && frozen(f.version()) && atRef.containsKey(f.displayPath())) {
                released.add(f.displayPath());
            }
        }
        return released;
    }

    private static Rename rename(ProjectHistory history, MigrationFile f, String version) {
        String name = history.layout()
                .naming()
                .fileName(f.kind(), version, f.name().description(), f.name().suffix());
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
