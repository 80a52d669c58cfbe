package dev.migrationsafety.maven;

import dev.migrationsafety.history.LockFileException;
import java.nio.file.Path;

/** What the history goals share: the lock file's default and how its damage is reported. */
final class HistoryFiles {
    /** The default lock file, beside the migrations. */
    static final String DEFAULT_LOCK_FILE = "src/main/resources/db/migrations.lock";

    private HistoryFiles() {}

    /** {@code path:line: what - how to fix} for a damaged lock file. */
    static String describe(Path baseDir, Path lockPath, LockFileException e) {
        String shown = baseDir.toAbsolutePath()
                .relativize(lockPath.toAbsolutePath())
                .toString()
                .replace('\\', '/');
        return shown + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage() + " - " + e.fix();
    }
}
