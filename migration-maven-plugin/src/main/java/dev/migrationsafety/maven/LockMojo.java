package dev.migrationsafety.maven;

import dev.migrationsafety.history.LockFileException;
import dev.migrationsafety.history.Locker;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.io.AtomicFiles;
import dev.migrationsafety.migration.StrayFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes or updates the lock file: records every migration, down script and baseline with its checksums (SHA-256
 * and Flyway's CRC32), and lists repeatable migrations. Locked files are frozen: the {@code legacyMigrationFreeze}
 * rule fails the build when one changes. The file is replaced atomically; entries whose files still exist are never
 * dropped; a changed or deleted locked file, or a new migration older than the newest locked one, is refused unless
 * {@code -Dmigration.lock.force=true} with {@code -Dmigration.lock.reason=...}, which is recorded in the file.
 */
@Mojo(name = "lock", threadSafe = true, requiresProject = true)
public class LockMojo extends AbstractMigrationMojo {

    /**
     * The lock file, relative to the project directory. Default {@code src/main/resources/db/migrations.lock}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lockFile", defaultValue = HistoryFiles.DEFAULT_LOCK_FILE)
    private String lockFile;

    /**
     * Re-locks locked files that changed and drops entries of locked files that were deleted. Only for files that
     * never reached a shared database; needs {@code reason}. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lock.force", defaultValue = "false")
    private boolean force;

    /**
     * Why {@code force} is used; recorded in the lock file next to each re-locked entry. No default; required with
     * {@code force}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lock.reason")
    private String reason;

    /**
     * Skips this goal. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lock.skip", defaultValue = "false")
    private boolean skipLock;

    @Inject
    public LockMojo(MavenProject project) {
        super(project);
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipLock;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.lock.skip";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path lockPath = baseDir().resolve(lockFile).normalize();
        ProjectHistory history;
        Locker.Result result;
        try {
            history = ProjectHistory.load(layout(), lockPath);
            result = new Locker(force, reason).update(history);
        } catch (LockFileException e) {
            throw new MojoFailureException(HistoryFiles.describe(baseDir(), lockPath, e));
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(
                    e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
        for (StrayFile stray : history.migrations().strays()) {
            getLog().warn("Not locked: " + stray.displayPath() + " " + stray.reason()
                    + " (the migrationNaming rule reports it)");
        }
        if (result.refused()) {
            for (String refusal : result.refusals()) {
                getLog().error(refusal);
            }
            int n = result.refusals().size();
            throw new MojoFailureException(history.lockDisplay() + " was not changed: " + n
                    + (n == 1 ? " problem" : " problems") + "; see above");
        }
        if (!result.changed() && history.lockExists()) {
            getLog().info(history.lockDisplay() + " is up to date ("
                    + result.lock().entries().size() + " entries)");
            return;
        }
        try {
            AtomicFiles.write(lockPath, result.lock().render(history.lockDisplay()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + history.lockDisplay() + ": " + e.getMessage(), e);
        }
        for (String change : result.changes()) {
            getLog().info(change);
        }
        getLog().info("Wrote " + history.lockDisplay() + " ("
                + result.lock().entries().size() + " entries); commit it with the migrations");
    }
}
