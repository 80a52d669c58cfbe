package dev.migrationsafety.history;

import dev.migrationsafety.migration.FlywayNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which migrations count as released, so that the checks may leave them out. A migration is released when the lock
 * file of the base the change is going to records its path with its current checksum. In git, that base is the merge
 * base of {@code HEAD} with the target branch ({@code migration.baseRef}): a pull request that runs
 * {@code mvn migration:lock} on its own migration changes its own lock file, not the base's, so its migration is
 * still checked. On the target branch itself the merge base is {@code HEAD}, as a release build needs. Without git,
 * or without a base, the working tree's lock file is all there is: an entry counts only while the file still has the
 * checksum it was locked with. Either way an edited released file is checked again.
 *
 * <p>Costs at most four git calls per build (work tree, base branch, merge base, the lock file at the merge base),
 * never one per file, and one checksum of each file the lock file records.
 */
public final class ReleasedMigrations {
    /** Where the base branch is looked for when {@code migration.baseRef} is not set, in this order. */
    static final List<String> DEFAULT_BASE_REFS = List.of(
            "refs/remotes/origin/HEAD",
            "refs/remotes/origin/main",
            "refs/remotes/origin/master",
            "refs/heads/main",
            "refs/heads/master");

    private final Map<String, LockEntry> entries;
    private final String summary;
    private final boolean fromBase;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    private ReleasedMigrations(Map<String, LockEntry> entries, String summary, boolean fromBase) {
        this.entries = Map.copyOf(entries);
        this.summary = summary;
        this.fromBase = fromBase;
    }

    /** Nothing is released: every migration is checked. */
    public static ReleasedMigrations none() {
        return new ReleasedMigrations(Map.of(), "Released migrations: none taken into account", true);
    }

    /**
     * Whether a migration is released: the base's lock file records this path with the file's current checksum.
     *
     * @param displayPath the path relative to the project, as the lock file records it
     */
    public boolean isReleased(String displayPath, Path file) {
        LockEntry entry = entries.get(displayPath);
        if (entry == null) {
            return false;
        }
        // asked once per file, and again for an up script whose down script is checked: hash each file once
        return verdicts.computeIfAbsent(displayPath, p -> {
            try {
                return Checksums.of(file).sha256().equals(entry.checksums().sha256());
            } catch (IOException e) {
                return false;
            }
        });
    }

    /**
     * Whether a base decided (or nothing is released): {@code false} when the working tree's lock file did, which a
     * change can edit itself, so the adapters log the summary as a warning then.
     */
    public boolean fromBase() {
        return fromBase;
    }

    /** One line for the build log: which lock file, at which base, decided what is released. */
    public String summary() {
        return summary;
    }

    /**
     * The released migrations of a project, from the lock file at the merge base with {@code baseRef}.
     *
     * @param baseRef the branch the change is going to; blank for the default: {@code origin/HEAD}, else
     *     {@code origin/main}, {@code origin/master}, {@code main}, {@code master}, whichever exists first
     * @throws GitRecordException when {@code baseRef} is set and the project is in a git work tree, but git finds no
     *     merge base of {@code HEAD} with it (a misspelt branch, or one not fetched)
     */
    public static ReleasedMigrations resolve(Path baseDir, Path lockFile, String baseRef) throws GitRecordException {
        return resolve(baseDir, lockFile, baseRef, FlywayNaming.DEFAULT, Map.of());
    }

    /** As {@link #resolve(Path, Path, String)}, for a project that names its migrations in its own way. */
    public static ReleasedMigrations resolve(Path baseDir, Path lockFile, String baseRef, FlywayNaming naming)
            throws GitRecordException {
        return resolve(baseDir, lockFile, baseRef, naming, Map.of());
    }

    /** With variables added to git's environment, for tests that isolate git from the machine's configuration. */
    static ReleasedMigrations resolve(Path baseDir, Path lockFile, String baseRef, Map<String, String> env)
            throws GitRecordException {
        return resolve(baseDir, lockFile, baseRef, FlywayNaming.DEFAULT, env);
    }

    private static ReleasedMigrations resolve(
            Path baseDir, Path lockFile, String baseRef, FlywayNaming naming, Map<String, String> env)
            throws GitRecordException {
        Path base = baseDir.toAbsolutePath().normalize();
        Path lock = lockFile.toAbsolutePath().normalize();
        String lockDisplay = display(base, lock);
        String configured = baseRef == null || baseRef.isBlank() ? null : baseRef.strip();
        if (configured != null && configured.startsWith("-")) {
            throw new GitRecordException(
                    "migration.baseRef '" + configured + "' is not a git ref",
                    "set migration.baseRef to the branch the change goes to, e.g. origin/main");
        }
        GitTree.Result where;
        try {
            where = GitTree.run(base, env, List.of("git", "rev-parse", "--show-toplevel", "--show-prefix"));
        } catch (GitRecordException e) {
            return noBase(lock, lockDisplay, naming, "git cannot run");
        }
        if (where.exit() != 0) {
            return noBase(lock, lockDisplay, naming, "the project is not in a git work tree");
        }
        String[] lines = where.text().split("\n", -1);
        Path top = Path.of(lines[0].strip());
        String prefix = lines.length > 1 ? lines[1].strip() : "";
        Path lockInRepo = Path.of(prefix.isEmpty() ? "." : prefix)
                .resolve(base.relativize(lock))
                .normalize();
        if (lockInRepo.startsWith("..")) {
            return noBase(lock, lockDisplay, naming, "the lock file is outside the git work tree");
        }
        String ref = configured != null ? configured : defaultBaseRef(top, env);
        if (ref == null) {
            return noBase(
                    lock,
                    lockDisplay,
                    naming,
                    "no base branch found (none of origin/HEAD, origin/main, origin/master, main, master)");
        }
        String refName = shortName(ref);
        GitTree.Result mergeBase = GitTree.run(top, env, List.of("git", "merge-base", "HEAD", ref));
        if (mergeBase.exit() != 0) {
            String why = "`git merge-base HEAD " + refName + "` failed"
                    + (mergeBase.err().isBlank() ? "" : " (" + GitTree.firstLine(mergeBase.err()) + ")");
            if (configured != null) {
                throw new GitRecordException(
                        "cannot find the base of this change: " + why,
                        "set migration.baseRef to the branch the change goes to, fetched with its history (in a"
                                + " pull-request build e.g. `git fetch origin main` and -Dmigration.baseRef=origin/main),"
                                + " or leave it unset");
            }
            return noBase(lock, lockDisplay, naming, why);
        }
        String commit = mergeBase.text().strip();
        String at = commit.substring(0, Math.min(12, commit.length())) + ", the merge base of HEAD with " + refName
                + (configured != null ? " (migration.baseRef)" : "");
        GitTree.Result show = GitTree.run(
                top,
                env,
                List.of("git", "show", commit + ":" + lockInRepo.toString().replace('\\', '/')));
        if (show.exit() != 0) {
            return new ReleasedMigrations(
                    Map.of(),
                    "Released migrations: none, " + at + " has no " + lockDisplay + "; every migration is checked",
                    true);
        }
        try {
            LockFile atBase = new LockFileReader(lockDisplay + " at " + refName, naming).parse(show.text());
            return new ReleasedMigrations(
                    atBase.byPath(),
                    "Released migrations: those locked in " + lockDisplay + " at " + at
                            + ", while their checksum is unchanged",
                    true);
        } catch (LockFileException e) {
            return new ReleasedMigrations(
                    Map.of(),
                    "Released migrations: none, " + lockDisplay + " at " + at + " cannot be read (" + e.getMessage()
                            + "); every migration is checked",
                    true);
        }
    }

    /** The first of the default base refs that exists: one {@code git for-each-ref}. */
    private static String defaultBaseRef(Path top, Map<String, String> env) throws GitRecordException {
        List<String> cmd = new ArrayList<>(List.of("git", "for-each-ref", "--format=%(refname)"));
        cmd.addAll(DEFAULT_BASE_REFS);
        GitTree.Result refs = GitTree.run(top, env, cmd);
        if (refs.exit() != 0) {
            return null;
        }
        Set<String> present = Set.of(refs.text().strip().split("\n"));
        return DEFAULT_BASE_REFS.stream().filter(present::contains).findFirst().orElse(null);
    }

    /** Without a base: the working tree's lock file, each entry only while the file keeps its checksum. */
    private static ReleasedMigrations noBase(Path lock, String lockDisplay, FlywayNaming naming, String why) {
        return workingTree(
                lock,
                lockDisplay,
                naming,
                "Released migrations: no git base (" + why + "); a migration locked in " + lockDisplay
                        + " counts as released only while its checksum matches the lock file");
    }

    private static ReleasedMigrations workingTree(Path lock, String lockDisplay, FlywayNaming naming, String summary) {
        if (!Files.isRegularFile(lock)) {
            return new ReleasedMigrations(Map.of(), summary, false);
        }
        try {
            return new ReleasedMigrations(
                    new LockFileReader(lockDisplay, naming).read(lock).byPath(), summary, false);
        } catch (LockFileException e) {
            // a damaged lock file releases nothing: every migration is checked, which fails closed
            return new ReleasedMigrations(Map.of(), summary, false);
        }
    }

    /**
     * The working tree's lock file alone, without asking git: each entry counts only while the file keeps the
     * checksum it was locked with. A missing or damaged lock file releases nothing.
     */
    public static ReleasedMigrations fromLockFile(Path baseDir, Path lockFile) {
        return fromLockFile(baseDir, lockFile, FlywayNaming.DEFAULT);
    }

    /** As {@link #fromLockFile(Path, Path)}, for a project that names its migrations in its own way. */
    public static ReleasedMigrations fromLockFile(Path baseDir, Path lockFile, FlywayNaming naming) {
        Path lock = lockFile.toAbsolutePath().normalize();
        String lockDisplay = display(baseDir.toAbsolutePath().normalize(), lock);
        return workingTree(
                lock,
                lockDisplay,
                naming,
                "Released migrations: those locked in " + lockDisplay + ", while their checksum is unchanged");
    }

    private static String shortName(String ref) {
        for (String prefix : List.of("refs/remotes/", "refs/heads/", "refs/tags/")) {
            if (ref.startsWith(prefix)) {
                return ref.substring(prefix.length());
            }
        }
        return ref;
    }

    private static String display(Path base, Path file) {
        return (file.startsWith(base) ? base.relativize(file) : file).toString().replace('\\', '/');
    }
}
