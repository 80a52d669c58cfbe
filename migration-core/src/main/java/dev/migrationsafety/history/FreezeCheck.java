package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code legacyMigrationFreeze} rule: a locked migration, down script or baseline is never changed, renamed or
 * deleted. With {@code frozenThrough}, versions up to it count as released: once the lock file records any of them,
 * a file at or below it that the lock file does not know is a new file where none may go. Before the lock file
 * records that range, git is the record: the files at or below it must be as they are at {@code baseRef}
 * (one {@code git ls-tree}, files compared by blob hash).
 */
public final class FreezeCheck {
    public static final String RULE = "legacyMigrationFreeze";
    /** The default {@code frozenBaseRef}: the commit checked out. */
    public static final String DEFAULT_BASE_REF = "HEAD";

    private final MigrationVersion frozenThrough;
    private final String baseRef;
    private final Map<String, String> gitEnv;

    /** @param frozenThrough the highest version frozen even without a lock entry, or {@code null} */
    public FreezeCheck(MigrationVersion frozenThrough) {
        this(frozenThrough, DEFAULT_BASE_REF);
    }

    /**
     * @param frozenThrough the highest version frozen even without a lock entry, or {@code null}
     * @param baseRef the git ref whose content of unlocked files at or below {@code frozenThrough} is the released one
     */
    public FreezeCheck(MigrationVersion frozenThrough, String baseRef) {
        this(frozenThrough, baseRef, Map.of());
    }

    /** With variables added to git's environment, for tests that isolate git from the machine's configuration. */
    FreezeCheck(MigrationVersion frozenThrough, String baseRef, Map<String, String> gitEnv) {
        this.frozenThrough = frozenThrough;
        this.baseRef = baseRef;
        this.gitEnv = Map.copyOf(gitEnv);
    }

    /**
     * @throws GitRecordException when {@code frozenThrough} is set, the lock file records nothing at or below it,
     *     and git cannot give the record at {@code baseRef}
     */
    public List<Finding> check(ProjectHistory history) throws GitRecordException {
        List<Finding> findings = new ArrayList<>();
        Finding lockError = history.lockErrorFinding(RULE);
        if (lockError != null) {
            findings.add(lockError);
            return findings;
        }
        Map<String, LockEntry> locked = history.lock().byPath();
        Map<String, MigrationFile> unlockedBySha = null;
        Set<String> reported = new HashSet<>();
        Set<String> scanned = new HashSet<>();
        for (MigrationFile f : history.migrations().files()) {
            scanned.add(f.displayPath());
        }
        List<Path> toHash = new ArrayList<>();
        for (LockEntry entry : history.lock().entries()) {
            if (entry.frozen() && scanned.contains(entry.path())) {
                toHash.add(history.layout().baseDir().resolve(entry.path()));
            }
        }
        history.prefetchChecksums(toHash);
        for (LockEntry entry : history.lock().entries()) {
            if (!entry.frozen()) {
                continue;
            }
            Path file = history.layout().baseDir().resolve(entry.path());
            if (scanned.contains(entry.path()) || Files.isRegularFile(file)) {
                Checksums.Value actual;
                try {
                    actual = history.checksums(file);
                } catch (IOException e) {
                    findings.add(finding(
                            entry.path(),
                            "cannot be read to verify its checksum (" + e.getMessage() + ")",
                            "check its permissions"));
                    continue;
                }
                if (!actual.sha256().equals(entry.checksums().sha256())) {
                    findings.add(finding(
                            entry.path(),
                            "has changed since it was locked: expected sha256 "
                                    + entry.checksums().sha256() + " (Flyway crc32 "
                                    + entry.checksums().crc32()
                                    + "), found sha256 " + actual.sha256() + " (crc32 " + actual.crc32()
                                    + "); databases that ran it keep the old version",
                            "restore it (git checkout -- " + entry.path() + ") and make the change in a new "
                                    + "migration (`mvn migration:new`)"));
                }
                continue;
            }
            if (unlockedBySha == null) {
                unlockedBySha = unlockedBySha(history, locked);
            }
            MigrationFile renamed = unlockedBySha.get(entry.checksums().sha256());
            if (renamed != null && renamed.kind() == entry.kind()) {
                reported.add(renamed.displayPath());
                findings.add(finding(
                        renamed.displayPath(),
                        "is the locked " + entry.path() + " renamed; Flyway would see a new migration and a missing "
                                + "one",
                        "rename it back to " + entry.fileName()));
            } else {
                findings.add(finding(
                        entry.path(),
                        "was deleted, but it is locked (" + history.lockDisplay() + ":" + entry.line()
                                + "); databases that ran it no longer match the code",
                        "restore it (git checkout -- " + entry.path() + "); to undo its change, write a new "
                                + "migration"));
            }
        }
        if (frozenThrough != null) {
            boolean legacyLocked = history.lock().entries().stream()
                    .anyMatch(e -> e.version() != null && !e.version().isNewerThan(frozenThrough));
            if (legacyLocked) {
                for (MigrationFile f : history.migrations().files()) {
                    if (f.version() != null
                            && f.kind() != MigrationKind.UNDO
                            && !f.version().isNewerThan(frozenThrough)
                            && !locked.containsKey(f.displayPath())
                            && !reported.contains(f.displayPath())) {
                        findings.add(finding(
                                f.displayPath(),
                                "is a new file at version " + f.version() + ", at or below frozenThrough "
                                        + frozenThrough + ", where no new migration may go",
                                rebaseFix(frozenThrough, null)));
                    }
                }
            } else if (history.lock().entries().isEmpty()
                    || history.migrations().files().stream()
                            .anyMatch(f -> f.version() != null && !f.version().isNewerThan(frozenThrough))) {
                // nothing in the range is locked: git at baseRef is the record while the range has files, and
                // before any lock file exists also when every file of the range is gone (a lock file that records
                // only later versions was written when the range was already empty)
                findings.addAll(new GitFreezeCheck(frozenThrough, baseRef, gitEnv).check(history, reported));
            }
        }
        return findings;
    }

    private static Map<String, MigrationFile> unlockedBySha(ProjectHistory history, Map<String, LockEntry> locked) {
        Map<String, MigrationFile> map = new HashMap<>();
        for (MigrationFile f : history.migrations().files()) {
            if (!locked.containsKey(f.displayPath())) {
                try {
                    map.putIfAbsent(history.checksums(f).sha256(), f);
                } catch (IOException e) {
                    // unreadable files are the naming rule's to report
                }
            }
        }
        return map;
    }

    /**
     * How to fix a new file at or below {@code frozenThrough}: the rebase goal with the same settings.
     *
     * @param baseRef the git ref that is the record, or {@code null} when the lock file is
     */
    static String rebaseFix(MigrationVersion frozenThrough, String baseRef) {
        String refOption =
                baseRef == null || baseRef.equals(DEFAULT_BASE_REF) ? "" : " -Dmigration.frozenBaseRef=" + baseRef;
        return "run `mvn migration:rebase -Dmigration.frozenThrough=" + frozenThrough.text() + refOption
                + "` (or configure frozenThrough for the plugin) to give it, and its down script, a version after "
                + "the newest migration";
    }

    static Finding finding(String path, String message, String fix) {
        return new Finding(path, 0, 0, Severity.HIGH, RULE, message, fix);
    }
}
