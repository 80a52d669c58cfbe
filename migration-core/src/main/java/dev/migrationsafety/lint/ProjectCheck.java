package dev.migrationsafety.lint;

import dev.migrationsafety.history.ExistingHistory;
import dev.migrationsafety.history.GitRecordException;
import dev.migrationsafety.history.ReleasedMigrations;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.ParserWatchdog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the {@code noDestructiveMigrations} rule and the {@code migration:check} goal share: the settings of a
 * check run, read from their configuration, and the run itself. The adapters only translate.
 *
 * @param layout where the migrations are
 * @param lockFile the lock file (its name is not a migration; its entries are the locked migrations)
 * @param dialect the dialect to read the SQL with
 * @param failOn the threshold
 * @param includeLocked whether locked migrations are checked too
 * @param allows the POM allow-list entries
 * @param cacheDir the result cache directory, or {@code null} for none
 * @param baseRef the branch whose lock file (at the merge base with {@code HEAD}) says what is released; blank for
 *     the default (see {@link ReleasedMigrations#resolve})
 */
public record ProjectCheck(
        MigrationLayout layout,
        Path lockFile,
        Dialect dialect,
        Severity failOn,
        boolean includeLocked,
        List<AllowList.Entry> allows,
        Path cacheDir,
        String baseRef) {

    /** With the default base branch. */
    public ProjectCheck(
            MigrationLayout layout,
            Path lockFile,
            Dialect dialect,
            Severity failOn,
            boolean includeLocked,
            List<AllowList.Entry> allows,
            Path cacheDir) {
        this(layout, lockFile, dialect, failOn, includeLocked, allows, cacheDir, null);
    }

    /** The default cache directory of a project. */
    public static Path defaultCacheDir(Path buildDirectory) {
        return buildDirectory.resolve("migration").resolve("cache");
    }

    /**
     * Which migrations count as released, asked of git once: nothing when locked migrations are checked too. The
     * adapters log its {@link ReleasedMigrations#summary()}.
     *
     * @throws GitRecordException when {@code baseRef} is set but git finds no merge base with it
     */
    public ReleasedMigrations released() throws GitRecordException {
        return includeLocked
                ? ReleasedMigrations.none()
                : ReleasedMigrations.resolve(layout.baseDir(), lockFile, baseRef, layout.naming());
    }

    /** Runs the catalogue with the standard analysis. */
    public MigrationChecker.CheckResult run(ReleasedMigrations released) {
        return run(StandardFileAnalyzer.INSTANCE, released, Acceptance.none());
    }

    /** Runs the catalogue with the standard analysis, leaving out the accepted findings. */
    public MigrationChecker.CheckResult run(ReleasedMigrations released, Acceptance acceptance) {
        return run(StandardFileAnalyzer.INSTANCE, released, acceptance);
    }

    /**
     * The findings {@code migration:adopt} accepted, from the file beside the lock file; none when it does not
     * exist.
     *
     * @throws AcceptedFindingsException when that file is damaged
     */
    public Acceptance acceptance() throws AcceptedFindingsException {
        return Acceptance.load(layout.baseDir(), lockFile, dialect, layout.naming());
    }

    /**
     * Runs the catalogue with the standard analysis, releasing only what the working tree's lock file records with
     * unchanged checksums (no git): for benchmarks and tests.
     */
    public MigrationChecker.CheckResult run() {
        return run(
                StandardFileAnalyzer.INSTANCE,
                ReleasedMigrations.fromLockFile(layout.baseDir(), lockFile, layout.naming()));
    }

    /**
     * Runs the catalogue. The parser's watchdog runs for the duration of the call and is stopped before it returns,
     * also when it fails: no thread outlives the goal or rule.
     */
    public MigrationChecker.CheckResult run(FileAnalyzer analyzer, ReleasedMigrations released) {
        return run(analyzer, released, Acceptance.none());
    }

    /**
     * Runs the catalogue, then leaves out the accepted findings and tells whether the project is an existing
     * history not yet adopted.
     */
    public MigrationChecker.CheckResult run(FileAnalyzer analyzer, ReleasedMigrations released, Acceptance acceptance) {
        try (ParserWatchdog.Scope scope = ParserWatchdog.open()) {
            MigrationSet set = new MigrationScanner(Set.of(
                            lockFile.getFileName().toString(),
                            AcceptedFindings.besideLockFile(lockFile)
                                    .getFileName()
                                    .toString()))
                    .scan(layout);
            LockedMigrations locked = includeLocked ? LockedMigrations.none() : LockedMigrations.released(released);
            MigrationChecker.CheckResult result = new MigrationChecker(
                            analyzer, dialect, locked, includeLocked, new AllowList("pom.xml", allows), cacheDir)
                    .check(set);
            ExistingHistory existing = acceptance.present()
                    ? null
                    : ExistingHistory.detect(set, Files.exists(lockFile)).orElse(null);
            return result.adopted(acceptance.apply(result.findings()), acceptance.display(), existing);
        }
    }
}
