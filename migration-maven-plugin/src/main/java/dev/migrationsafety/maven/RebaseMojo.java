package dev.migrationsafety.maven;

import dev.migrationsafety.history.LockFileException;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.history.Rebaser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Renames unlocked migrations whose versions are out of order (not newer than the newest locked migration, or
 * sharing a version with another one), and their down scripts, to fresh timestamp versions after every existing
 * version, keeping their order, and prints each old and new name. The fix after merging a branch whose migrations
 * another branch overtook; run {@code mvn migration:lock} afterwards.
 */
@Mojo(name = "rebase", threadSafe = true, requiresProject = true)
public class RebaseMojo extends AbstractMigrationMojo {

    /**
     * The lock file that says which migrations are released, relative to the project directory. Default
     * {@code src/main/resources/db/migrations.lock}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lockFile", defaultValue = HistoryFiles.DEFAULT_LOCK_FILE)
    private String lockFile;

    /**
     * Skips this goal. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.rebase.skip", defaultValue = "false")
    private boolean skipRebase;

    @Inject
    public RebaseMojo(MavenProject project) {
        super(project);
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipRebase;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.rebase.skip";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path lockPath = baseDir().resolve(lockFile).normalize();
        ProjectHistory history;
        List<Rebaser.Rename> plan;
        try {
            history = ProjectHistory.load(layout(), lockPath);
            plan = new Rebaser(namingPolicy(), Clock.systemUTC()).plan(history);
        } catch (LockFileException e) {
            throw new MojoFailureException(HistoryFiles.describe(baseDir(), lockPath, e));
        } catch (IllegalStateException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(
                    e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
        if (plan.isEmpty()) {
            getLog().info("Nothing to rebase: every unlocked migration is newer than the newest locked one");
            return;
        }
        try {
            Rebaser.apply(plan);
        } catch (FileAlreadyExistsException e) {
            throw new MojoFailureException("Nothing was renamed: " + e.getFile()
                    + " already exists; run `mvn migration:rebase` again in a " + "second");
        } catch (IOException e) {
            throw new MojoExecutionException("Renaming failed: " + e.getMessage(), e);
        }
        for (Rebaser.Rename rename : plan) {
            getLog().info("Renamed " + rename.fromDisplay() + " -> " + rename.toDisplay());
        }
        getLog().info("Now run `mvn migration:lock` (after testing) and commit the renamed files");
    }
}
