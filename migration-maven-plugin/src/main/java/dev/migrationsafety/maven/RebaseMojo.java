package dev.migrationsafety.maven;

import dev.migrationsafety.history.FreezeCheck;
import dev.migrationsafety.history.GitRecordException;
import dev.migrationsafety.history.LockFileException;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.history.Rebaser;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
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
 * another branch overtook; run {@code mvn migration:lock} afterwards. With {@code frozenThrough}, new files at or
 * below that version (the {@code legacyMigrationFreeze} rule refuses them) move too; released files never do.
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
     * The highest released version, as configured for the {@code legacyMigrationFreeze} rule: unlocked migrations at
     * or below it that are new (not locked, and, while the lock file records no version in that range, not in git at
     * {@code frozenBaseRef}) are moved, with their down scripts, after the newest version. Default none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.frozenThrough")
    private String frozenThrough;

    /**
     * The git ref whose files at or below {@code frozenThrough} are released while the lock file records none of
     * them; use the rule's {@code frozenBaseRef}. Only read with {@code frozenThrough}. Default {@code HEAD}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.frozenBaseRef", defaultValue = FreezeCheck.DEFAULT_BASE_REF)
    private String frozenBaseRef;

    /**
     * The {@link java.time.format.DateTimeFormatter} pattern of the versions the renamed migrations get, in UTC, as
     * for {@code migration:new}: digits separated by {@code _} or {@code .} that order like time. Default
     * {@code yyyyMMddHHmmss}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.timestampPattern", defaultValue = NamingPolicy.DEFAULT_TIMESTAMP_PATTERN)
    private String timestampPattern;

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
        MigrationVersion through = null;
        if (frozenThrough != null && !frozenThrough.isBlank()) {
            try {
                through = MigrationVersion.parse(frozenThrough.strip());
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("Invalid frozenThrough: " + e.getMessage());
            }
        }
        String ref =
                frozenBaseRef == null || frozenBaseRef.isBlank() ? FreezeCheck.DEFAULT_BASE_REF : frozenBaseRef.strip();
        ProjectHistory history;
        List<Rebaser.Rename> plan;
        try {
            history = ProjectHistory.load(layout(), lockPath);
            plan = new Rebaser(
                            namingPolicy(timestampPattern, NamingPolicy.DEFAULT_MAX_SLUG_LENGTH),
                            Clock.systemUTC(),
                            through,
                            ref)
                    .plan(history);
        } catch (LockFileException e) {
            throw new MojoFailureException(HistoryFiles.describe(baseDir(), lockPath, e));
        } catch (GitRecordException e) {
            throw new MojoFailureException(
                    "Nothing was renamed: git cannot tell which files at or below frozenThrough are released: "
                            + e.getMessage() + " - " + e.fix());
        } catch (IllegalStateException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(
                    e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
        if (plan.isEmpty()) {
            getLog().info("Nothing to rebase: every unlocked migration is newer than the newest locked one"
                    + (through == null ? "" : ", and every new one is newer than frozenThrough " + through.text()));
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
