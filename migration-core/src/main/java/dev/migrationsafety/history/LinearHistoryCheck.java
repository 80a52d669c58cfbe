package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code linearMigrationHistory} rule: no two migrations of a kind share a version (in Flyway's sense,
 * {@code 1} and {@code 1.0} are one version), every unlocked migration is newer than the newest locked one, the lock
 * file is intact and lists no file that is gone, and, with {@code requireLocked}, every migration is locked.
 */
public final class LinearHistoryCheck {
    public static final String RULE = "linearMigrationHistory";

    private final boolean requireLocked;

    public LinearHistoryCheck(boolean requireLocked) {
        this.requireLocked = requireLocked;
    }

    public List<Finding> check(ProjectHistory history) {
        List<Finding> findings = new ArrayList<>();
        Finding lockError = history.lockErrorFinding(RULE);
        if (lockError != null) {
            findings.add(lockError);
            return findings;
        }
        LockFile lock = history.lock();
        Map<String, LockEntry> locked = lock.byPath();
        Set<MigrationFile> reported = new HashSet<>();

        Map<MigrationKind, Map<MigrationVersion, MigrationFile>> seen = new HashMap<>();
        for (MigrationFile f : history.migrations().files()) {
            if (f.version() == null) {
                continue;
            }
            MigrationFile first =
                    seen.computeIfAbsent(f.kind(), k -> new HashMap<>()).putIfAbsent(f.version(), f);
            if (first != null) {
                boolean movable = !locked.containsKey(f.displayPath());
                findings.add(finding(
                        f.displayPath(),
                        0,
                        "has version " + f.version() + ", the same version as " + first.displayPath()
                                + " (Flyway reads " + f.version().text() + " and "
                                + first.version().text()
                                + " as one version) and fails on both",
                        movable
                                ? "give it a new version: run `mvn migration:rebase`"
                                        + (f.kind() == MigrationKind.UNDO
                                                ? " (or rename the down script to the version of its migration)"
                                                : "")
                                : "rename the file that is not yet released to a new version"));
                reported.add(f);
            }
        }

        LockEntry newest = lock.newestVersioned().orElse(null);
        if (newest != null) {
            for (MigrationFile f : history.migrations().files()) {
                if ((f.kind() == MigrationKind.VERSIONED || f.kind() == MigrationKind.BASELINE)
                        && !locked.containsKey(f.displayPath())
                        && !reported.contains(f)
                        && !f.version().isNewerThan(newest.version())) {
                    findings.add(finding(
                            f.displayPath(),
                            0,
                            "is out of order: version " + f.version() + " is not newer than " + newest.path()
                                    + " (version " + newest.version() + "), the newest locked migration; environments "
                                    + "that already ran it would skip or reject this one",
                            "run `mvn migration:rebase` to move it after " + newest.version()
                                    + ", then `mvn migration:lock`"));
                }
            }
        }

        Set<String> scanned = new HashSet<>();
        for (MigrationFile f : history.migrations().files()) {
            scanned.add(f.displayPath());
        }
        for (LockEntry entry : lock.entries()) {
            // the scan already saw almost every file: only look on disk for the rest
            if (!scanned.contains(entry.path())
                    && !Files.exists(history.layout().baseDir().resolve(entry.path()))) {
                findings.add(finding(
                        history.lockDisplay(),
                        entry.line(),
                        "locks " + entry.path() + ", which no longer exists",
                        entry.frozen()
                                ? "restore the file (released migrations stay, even when a later one reverses them); "
                                        + "if it never shipped, remove it with `mvn migration:lock "
                                        + "-Dmigration.lock.force=true -Dmigration.lock.reason=\"...\"`"
                                : "run `mvn migration:lock` to drop the entry"));
            }
        }

        if (requireLocked) {
            var existing = ExistingHistory.detect(history);
            if (existing.isPresent()) {
                // an existing history without a lock file: one suggestion, not one line per file
                findings.add(existing.get().finding(RULE));
                return findings;
            }
            for (MigrationFile f : history.migrations().files()) {
                if (!locked.containsKey(f.displayPath())) {
                    findings.add(finding(
                            f.displayPath(),
                            0,
                            "is not locked, but requireLocked is set",
                            "run `mvn migration:lock` and commit " + history.lockDisplay()));
                }
            }
        }
        return findings;
    }

    private static Finding finding(String path, int line, String message, String fix) {
        return new Finding(path, line, 0, Severity.HIGH, RULE, message, fix);
    }
}
