package dev.migrationsafety.adopt;

import dev.migrationsafety.history.LockFileException;
import dev.migrationsafety.history.Locker;
import dev.migrationsafety.history.NamingCheck;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.io.AtomicFiles;
import dev.migrationsafety.lint.Acceptance;
import dev.migrationsafety.lint.AcceptedFindings;
import dev.migrationsafety.lint.AllowList;
import dev.migrationsafety.lint.LockedMigrations;
import dev.migrationsafety.lint.MigrationChecker;
import dev.migrationsafety.lint.StandardFileAnalyzer;
import dev.migrationsafety.lint.StatementFingerprint;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.StrayFile;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.schema.GraphFilter;
import dev.migrationsafety.schema.GraphRun;
import dev.migrationsafety.schema.MigrationAnalyzer;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code mvn migration:adopt}: takes a project with an existing Flyway history into the checks in one step. It locks
 * every existing migration as released (the lock file), records the baseline (the newest existing version, after
 * which the round trip tests) and accepts every finding the check catalogue has on the existing migrations (the
 * accepted-findings file beside the lock file). Both files are written atomically, the accepted findings first and
 * the lock file, which marks the project as adopted, last. Refused, changing nothing, when there are no migrations
 * or the lock file exists already (unless forced).
 */
public final class Adoption {
    /** The parameter that forces adoption of a project with a lock file. */
    public static final String FORCE_PROPERTY = "migration.adopt.force";

    private final MigrationLayout layout;
    private final Path lockFile;
    private final Dialect dialect;
    private final List<AllowList.Entry> allows;
    private final Path cacheDir;
    private final boolean force;

    /**
     * @param lockFile the lock file; the accepted findings go beside it ({@link AcceptedFindings#besideLockFile})
     * @param dialect the dialect the check reads the SQL with
     * @param allows the POM allow-list, as {@code migration:check} applies it
     * @param cacheDir the check's result cache, or {@code null}
     * @param force adopt although the lock file exists: it keeps its entries and gets the new files, the baseline
     *     and the accepted findings are written anew
     */
    public Adoption(
            MigrationLayout layout,
            Path lockFile,
            Dialect dialect,
            List<AllowList.Entry> allows,
            Path cacheDir,
            boolean force) {
        this.layout = layout;
        this.lockFile = lockFile.toAbsolutePath().normalize();
        this.dialect = dialect;
        this.allows = List.copyOf(allows);
        this.cacheDir = cacheDir;
        this.force = force;
    }

    /**
     * Adopts the project: computes both files and writes them.
     *
     * @throws AdoptionRefused when there is nothing to adopt, it was adopted already, or the lock file cannot take
     *     the migrations (two files with one version)
     * @throws LockFileException when the existing lock file is damaged (only with {@code force})
     * @throws IOException when a file cannot be written
     */
    public AdoptionResult adopt() throws AdoptionRefused, LockFileException, IOException {
        Path acceptedPath = AcceptedFindings.besideLockFile(lockFile);
        ProjectHistory history = ProjectHistory.load(layout, lockFile);
        MigrationSet set = new MigrationScanner(Set.of(
                        lockFile.getFileName().toString(),
                        acceptedPath.getFileName().toString()))
                .scan(layout);
        String acceptedDisplay = layout.display(acceptedPath);
        MigrationVersion baseline = baseline(set);
        if (baseline == null) {
            throw new AdoptionRefused(
                    "there are no versioned migrations in "
                            + String.join(
                                    ", ",
                                    layout.migrationDirs().stream()
                                            .map(layout::display)
                                            .toList())
                            + ": nothing to adopt",
                    "a new project needs no adoption: create its first migration with `mvn migration:new`, which"
                            + " writes its down script too (if the migrations are elsewhere, set migration.locations)");
        }
        if (history.lockExists() && !force) {
            throw new AdoptionRefused(
                    history.lockDisplay() + " exists: this project has adopted the checks already, or locks its"
                            + " migrations with `mvn migration:lock`; nothing was changed",
                    "lock new migrations with `mvn migration:lock`; to record the baseline " + baseline
                            + " and accept the findings of every existing migration again, run `mvn"
                            + " migration:adopt -D" + FORCE_PROPERTY + "=true`");
        }
        Locker.Result locked = new Locker(false, null).update(history);
        if (locked.refused()) {
            throw new AdoptionRefused(
                    history.lockDisplay() + " cannot record the migrations: " + String.join("; ", locked.refusals()),
                    "fix that first, then run `mvn migration:adopt` again; nothing was changed");
        }
        MigrationChecker.CheckResult checked = new MigrationChecker(
                        StandardFileAnalyzer.INSTANCE,
                        dialect,
                        LockedMigrations.none(),
                        true,
                        new AllowList("pom.xml", allows),
                        cacheDir)
                .check(set);
        Set<String> migrationPaths = new HashSet<>();
        set.files().forEach(f -> migrationPaths.add(f.displayPath()));
        List<Finding> findings = checked.findings().stream()
                .filter(f -> migrationPaths.contains(f.path()))
                .toList();
        List<Finding> graphFindings = graphFindings(set).stream()
                .filter(f -> migrationPaths.contains(f.path()))
                .toList();
        List<AcceptedFindings.Key> keys = new ArrayList<>(Acceptance.keys(findings, layout.baseDir(), dialect));
        keys.addAll(Acceptance.keys(graphFindings, layout.baseDir(), dialect));
        // files that are no migrations at all (a README kept beside the migrations) are history too; links,
        // unreadable files and misnamed SQL files stay reported
        List<String> acceptedStrays = new ArrayList<>();
        List<String> strays = new ArrayList<>();
        for (StrayFile stray : set.strays()) {
            if (stray.isForeignFile()) {
                keys.add(new AcceptedFindings.Key(
                        NamingCheck.RULE, StatementFingerprint.WHOLE_FILE, stray.displayPath()));
                acceptedStrays.add(stray.displayPath() + " " + stray.reason());
            } else {
                strays.add(stray.displayPath() + " " + stray.reason());
            }
        }
        AcceptedFindings accepted = new AcceptedFindings(baseline, keys);
        AtomicFiles.write(acceptedPath, accepted.render());
        AtomicFiles.write(lockFile, locked.lock().render(history.lockDisplay()));
        return new AdoptionResult(
                count(set, MigrationKind.VERSIONED) + count(set, MigrationKind.BASELINE),
                count(set, MigrationKind.UNDO),
                count(set, MigrationKind.REPEATABLE),
                locked.lock().entries().size(),
                baseline,
                findings,
                graphFindings.size(),
                accepted.entries().size(),
                history.lockDisplay(),
                acceptedDisplay,
                history.lockExists(),
                strays,
                acceptedStrays);
    }

    /** What {@code migration:graph} reports on the migrations, with its defaults; it writes no file. */
    private List<Finding> graphFindings(MigrationSet set) throws IOException {
        GraphRun.Options options =
                new GraphRun.Options(dialect, null, GraphFilter.all(), null, Set.of(), layout.baseDir(), 0);
        return GraphRun.run(set, MigrationAnalyzer.of(new SqlAnalysis(), dialect), options)
                .result()
                .findings();
    }

    /** The newest versioned or baseline migration, or {@code null} when there is none. */
    static MigrationVersion baseline(MigrationSet set) {
        MigrationVersion newest = null;
        for (MigrationFile f : set.files()) {
            if ((f.kind() == MigrationKind.VERSIONED || f.kind() == MigrationKind.BASELINE)
                    && (newest == null || f.version().isNewerThan(newest))) {
                newest = f.version();
            }
        }
        return newest;
    }

    private static int count(MigrationSet set, MigrationKind kind) {
        return set.ofKind(kind).size();
    }
}
