package dev.migrationsafety.history;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.InvalidMigrationNameException;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationName;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of {@link FreezeCheck} for files at or below {@code frozenThrough} that the lock file does not record:
 * git at {@code baseRef} is then the record of what was released. Each such migration, down script or baseline must
 * have the content it has at the ref; one the ref has must still exist (or it was renamed, when an unlocked file has
 * its content); a migration or baseline the ref does not have is new where none may go. Costs one
 * {@code git ls-tree} and one read of each file concerned.
 */
final class GitFreezeCheck {
    private final MigrationVersion frozenThrough;
    private final String baseRef;
    private final Map<String, String> gitEnv;

    GitFreezeCheck(MigrationVersion frozenThrough, String baseRef, Map<String, String> gitEnv) {
        this.frozenThrough = frozenThrough;
        this.baseRef = baseRef;
        this.gitEnv = gitEnv;
    }

    /** @param reported files already reported (renamed locked files), not to report again */
    List<Finding> check(ProjectHistory history, Set<String> reported) throws GitRecordException {
        MigrationLayout layout = history.layout();
        Set<Path> dirs = new LinkedHashSet<>(layout.migrationDirs());
        dirs.add(layout.undoDir());
        GitTree tree = GitTree.read(layout.baseDir(), baseRef, dirs, gitEnv);
        Map<String, String> atRef = tree.blobs();
        Map<String, LockEntry> locked = history.lock().byPath();
        Map<String, MigrationFile> current = new LinkedHashMap<>();
        for (MigrationFile f : history.migrations().files()) {
            current.put(f.displayPath(), f);
        }

        List<String> roots = dirs.stream().map(d -> layout.display(d) + "/").toList();
        Map<String, MigrationName> gone = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : atRef.entrySet()) {
            MigrationName name = parse(e.getKey(), layout.naming());
            if (name != null
                    && !inHiddenDirectory(e.getKey(), roots)
                    && frozen(name.kind(), name.version())
                    && !current.containsKey(e.getKey())
                    && !locked.containsKey(e.getKey())) {
                gone.put(e.getKey(), name);
            }
        }
        Map<String, String> renamedFrom = renames(gone, atRef, current.values(), locked, reported);
        Set<String> renamedOld = new HashSet<>(renamedFrom.values());

        List<Finding> findings = new ArrayList<>();
        for (MigrationFile f : current.values()) {
            String path = f.displayPath();
            if (locked.containsKey(path) || reported.contains(path)) {
                continue;
            }
            String old = renamedFrom.get(path);
            if (old != null) {
                MigrationName oldName = gone.get(old);
                findings.add(FreezeCheck.finding(
                        path,
                        "was renamed from " + old + " (as recorded at " + baseRef + "), whose version "
                                + oldName.version() + " is at or below frozenThrough " + frozenThrough
                                + "; Flyway would see a new migration and a missing one",
                        "rename it back to " + oldName.fileName()));
                continue;
            }
            if (!frozen(f.kind(), f.version())) {
                continue;
            }
            String blob = atRef.get(path);
            if (blob == null) {
                // like the lock-based check: a down script may be added later to a released migration
                if (f.kind() != MigrationKind.UNDO) {
                    findings.add(FreezeCheck.finding(
                            path,
                            "is a new file at version " + f.version() + ", at or below frozenThrough "
                                    + frozenThrough + ", where no new migration may go (" + baseRef
                                    + " does not have it)",
                            FreezeCheck.rebaseFix(frozenThrough, baseRef)));
                }
                continue;
            }
            try {
                if (!GitTree.sameContent(f.path(), blob)) {
                    findings.add(FreezeCheck.finding(
                            path,
                            "has changed since " + baseRef + ", and its version " + f.version()
                                    + " is at or below frozenThrough " + frozenThrough
                                    + "; databases that ran it keep the old version",
                            "restore it (git checkout " + baseRef + " -- " + path + ") and make the change in a "
                                    + "new migration (`mvn migration:new`)"));
                }
            } catch (IOException e) {
                findings.add(FreezeCheck.finding(
                        path,
                        "cannot be read to compare it with " + baseRef + " (" + e + ")",
                        "check its permissions"));
            }
        }
        for (Map.Entry<String, MigrationName> e : gone.entrySet()) {
            if (renamedOld.contains(e.getKey())) {
                continue;
            }
            findings.add(FreezeCheck.finding(
                    e.getKey(),
                    "was deleted, but " + baseRef + " has it and its version "
                            + e.getValue().version()
                            + " is at or below frozenThrough " + frozenThrough
                            + "; databases that ran it no longer match the code",
                    "restore it (git checkout " + baseRef + " -- " + e.getKey() + "); to undo its change, write a "
                            + "new migration"));
        }
        return findings;
    }

    /**
     * Which current files are gone files under a new name: an unlocked file the ref does not have, of the same kind,
     * whose content is the gone file's blob. Hashes those files only when something is gone.
     *
     * @return new path to old path
     */
    private static Map<String, String> renames(
            Map<String, MigrationName> gone,
            Map<String, String> atRef,
            Iterable<MigrationFile> current,
            Map<String, LockEntry> locked,
            Set<String> reported) {
        Map<String, String> renamedFrom = new HashMap<>();
        if (gone.isEmpty()) {
            return renamedFrom;
        }
        boolean sha256 = atRef.values().iterator().next().length() == 64;
        Map<String, MigrationFile> byHash = new HashMap<>();
        for (MigrationFile f : current) {
            String path = f.displayPath();
            if (!locked.containsKey(path) && !reported.contains(path) && !atRef.containsKey(path)) {
                try {
                    for (String hash : GitTree.hashes(f.path(), sha256)) {
                        byHash.putIfAbsent(hash, f);
                    }
                } catch (IOException e) {
                    // unreadable files are the naming rule's to report
                }
            }
        }
        for (Map.Entry<String, MigrationName> e : gone.entrySet()) {
            MigrationFile to = byHash.get(atRef.get(e.getKey()));
            if (to != null && to.kind() == e.getValue().kind() && !renamedFrom.containsKey(to.displayPath())) {
                renamedFrom.put(to.displayPath(), e.getKey());
            }
        }
        return renamedFrom;
    }

    /** Whether the scanner skips the file: it lies in a directory whose name starts with '.' below a location. */
    private static boolean inHiddenDirectory(String path, List<String> roots) {
        for (String root : roots) {
            if (path.startsWith(root)) {
                String rest = path.substring(root.length());
                int slash = rest.lastIndexOf('/');
                for (String dir :
                        slash < 0 ? new String[0] : rest.substring(0, slash).split("/")) {
                    if (dir.startsWith(".")) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private boolean frozen(MigrationKind kind, MigrationVersion version) {
        return kind != MigrationKind.REPEATABLE && version != null && !version.isNewerThan(frozenThrough);
    }

    private static MigrationName parse(String path, FlywayNaming naming) {
        try {
            return MigrationName.parse(path.substring(path.lastIndexOf('/') + 1), naming);
        } catch (InvalidMigrationNameException e) {
            return null;
        }
    }
}
