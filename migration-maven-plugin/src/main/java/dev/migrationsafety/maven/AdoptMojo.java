package dev.migrationsafety.maven;

import dev.migrationsafety.adopt.Adoption;
import dev.migrationsafety.adopt.AdoptionRefused;
import dev.migrationsafety.adopt.AdoptionResult;
import dev.migrationsafety.history.LockFileException;
import dev.migrationsafety.lint.Allow;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Adopts the checks on a project with an existing Flyway history, in one step: locks every existing migration as
 * released (the lock file), records the baseline after which {@code migration:roundtrip} tests, and accepts the
 * findings the existing migrations already have ({@code migrations.accepted} beside the lock file), so that they are
 * never reported again while new migrations are checked in full. Prints what it did, what to commit and the
 * enforcer configuration to add. Refuses, changing nothing, when there are no migrations or the lock file exists.
 * See docs/goals/adopt.md.
 *
 * @since 0.1.0
 */
@Mojo(name = "adopt", threadSafe = true, requiresProject = true)
public class AdoptMojo extends AbstractSqlMojo {

    /**
     * The lock file, relative to the project directory; the accepted findings go beside it
     * ({@code migrations.accepted}). Default {@code src/main/resources/db/migrations.lock}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lockFile", defaultValue = HistoryFiles.DEFAULT_LOCK_FILE)
    private String lockFile;

    /**
     * Adopts although the lock file exists: keeps its entries, locks the migrations it lacks, and writes the
     * baseline and the accepted findings anew from the current migrations. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Adoption.FORCE_PROPERTY, defaultValue = "false")
    private boolean force;

    /**
     * Allow-list entries, as for {@code migration:check}: findings they allow are not recorded as accepted. No
     * default.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Allow> allows;

    /**
     * Where the check keeps its per-file results, so that the first {@code migration:check} after adoption is fast.
     * Default <code>${project.build.directory}/migration</code>.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/migration", required = true)
    private File outputDirectory;

    /**
     * Skips this goal. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.adopt.skip", defaultValue = "false")
    private boolean skipAdopt;

    @Inject
    public AdoptMojo(MavenProject project) {
        super(project);
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipAdopt;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.adopt.skip";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path lockPath = baseDir().resolve(lockFile).normalize();
        Adoption adoption = new Adoption(
                layout(),
                lockPath,
                dialect(),
                Allow.entries(allows),
                outputDirectory.toPath().resolve("cache"),
                force);
        AdoptionResult result;
        try {
            result = adoption.adopt();
        } catch (AdoptionRefused e) {
            throw new MojoFailureException(e.getMessage() + " - " + e.fix());
        } catch (LockFileException e) {
            throw new MojoFailureException(HistoryFiles.describe(baseDir(), lockPath, e));
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("Cannot adopt the migrations: " + e.getMessage(), e);
        }
        for (String stray : result.strays()) {
            getLog().warn("Not locked: " + stray + " (the migrationNaming rule reports it)");
        }
        for (String stray : result.acceptedStrays()) {
            getLog().info("Accepted: " + stray + " (no migration; the migrationNaming rule leaves it where it is)");
        }
        result.report(version()).forEach(getLog()::info);
    }

    private static String version() {
        String v = AdoptMojo.class.getPackage().getImplementationVersion();
        return v == null ? "<the version of migration-maven-plugin>" : v;
    }
}
