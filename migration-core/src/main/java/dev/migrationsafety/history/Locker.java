package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the next lock file ({@code mvn migration:lock}): new files are added, repeatable checksums refreshed,
 * entries of files that still exist are never dropped. A changed or deleted frozen file, or a new migration that is
 * not newer than the newest locked one, is refused unless forced with a reason, which is recorded.
 */
public final class Locker {

    /**
     * The outcome.
     *
     * @param lock the new lock file (unchanged when refused)
     * @param changes one line per change, for the log
     * @param refusals why the lock file was not updated, each with how to proceed; empty when it was
     */
    public record Result(LockFile lock, List<String> changes, List<String> refusals) {
        public boolean refused() {
            return !refusals.isEmpty();
        }

        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    private final boolean force;
    private final String reason;

    /**
     * @param force re-lock changed frozen files and drop deleted ones
     * @param reason why, recorded in the lock file; required with {@code force}
     */
    public Locker(boolean force, String reason) {
        this.force = force;
        this.reason = reason == null || reason.isBlank() ? null : LockFile.oneLine(reason);
    }

    /** @throws LockFileException when the existing lock file is damaged (conflict markers, truncated, ...) */
    public Result update(ProjectHistory history) throws LockFileException {
        if (history.lockError() != null) {
            throw history.lockError();
        }
        List<String> refusals = new ArrayList<>();
        if (force && reason == null) {
            refusals.add("-Dmigration.lock.force=true needs a reason: add -Dmigration.lock.reason=\"why the locked "
                    + "files may change\"; it is recorded in the lock file");
            return new Result(history.lock(), List.of(), refusals);
        }
        String forceHint = " (if it never reached a shared database: -Dmigration.lock.force=true "
                + "-Dmigration.lock.reason=\"...\")";
        Map<String, LockEntry> old = history.lock().byPath();
        Map<String, LockEntry> next = new HashMap<>(old);
        List<String> changes = new ArrayList<>();
        MigrationVersion newest =
                history.lock().newestVersioned().map(LockEntry::version).orElse(null);
        Map<MigrationKind, Map<MigrationVersion, String>> versions = new HashMap<>();
        for (MigrationFile f : history.migrations().files()) {
            if (f.version() != null) {
                String other = versions.computeIfAbsent(f.kind(), k -> new HashMap<>())
                        .putIfAbsent(f.version(), f.displayPath());
                if (other != null) {
                    refusals.add(f.displayPath() + " has the same version as " + other
                            + ": run `mvn migration:rebase` or rename one of them first");
                }
            }
            Checksums.Value sums;
            try {
                sums = history.checksums(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f.displayPath(), e);
            }
            LockEntry entry = old.get(f.displayPath());
            if (entry == null) {
                if ((f.kind() == MigrationKind.VERSIONED || f.kind() == MigrationKind.BASELINE)
                        && newest != null
                        && !f.version().isNewerThan(newest)
                        && !force) {
                    refusals.add(f.displayPath() + " is not newer than the newest locked version " + newest
                            + ": run `mvn migration:rebase` first to give it a new version" + forceHint);
                    continue;
                }
                next.put(f.displayPath(), new LockEntry(f.kind(), f.version(), f.displayPath(), sums, null, 0));
                changes.add("locked " + f.displayPath());
            } else if (!entry.checksums().sha256().equals(sums.sha256())) {
                if (!entry.frozen()) {
                    next.put(f.displayPath(), entry.withChecksums(sums, null));
                    changes.add("updated the checksum of repeatable " + f.displayPath());
                } else if (force) {
                    next.put(f.displayPath(), entry.withChecksums(sums, reason));
                    changes.add("re-locked changed " + f.displayPath() + ": " + reason);
                } else {
                    refusals.add(f.displayPath() + " has changed since it was locked: restore it (git checkout -- "
                            + f.displayPath() + ") and put the change in a new migration" + forceHint);
                }
            }
        }
        for (LockEntry entry : history.lock().entries()) {
            if (Files.exists(history.layout().baseDir().resolve(entry.path()))) {
                continue;
            }
            if (!entry.frozen()) {
                next.remove(entry.path());
                changes.add("dropped deleted repeatable " + entry.path());
            } else if (force) {
                next.remove(entry.path());
                changes.add("dropped deleted " + entry.path() + ": " + reason);
            } else {
                refusals.add(entry.path() + " is locked but was deleted: restore it (git checkout -- " + entry.path()
                        + ")" + forceHint);
            }
        }
        if (!refusals.isEmpty()) {
            return new Result(history.lock(), List.of(), refusals);
        }
        return new Result(new LockFile(new ArrayList<>(next.values())), changes, List.of());
    }
}
