package dev.migrationsafety.lint;

import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.ParserWatchdog;
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
 */
public record ProjectCheck(
        MigrationLayout layout,
        Path lockFile,
        Dialect dialect,
        Severity failOn,
        boolean includeLocked,
        List<AllowList.Entry> allows,
        Path cacheDir) {

    /** The default cache directory of a project. */
    public static Path defaultCacheDir(Path buildDirectory) {
        return buildDirectory.resolve("migration").resolve("cache");
    }

    /**
     * Runs the catalogue with the standard analysis. The parser's watchdog runs for the duration of the call and is
     * stopped before it returns, also when it fails: no thread outlives the goal or rule.
     */
    public MigrationChecker.CheckResult run() {
        return run(StandardFileAnalyzer.INSTANCE);
    }

    public MigrationChecker.CheckResult run(FileAnalyzer analyzer) {
        try (ParserWatchdog.Scope scope = ParserWatchdog.open()) {
            MigrationSet set =
                    new MigrationScanner(Set.of(lockFile.getFileName().toString())).scan(layout);
            LockedMigrations locked = includeLocked ? LockedMigrations.none() : LockedMigrations.fromLockFile(lockFile);
            return new MigrationChecker(
                            analyzer, dialect, locked, includeLocked, new AllowList("pom.xml", allows), cacheDir)
                    .check(set);
        }
    }
}
