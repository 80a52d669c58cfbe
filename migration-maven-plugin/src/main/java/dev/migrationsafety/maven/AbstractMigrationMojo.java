package dev.migrationsafety.maven;

import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.NamingPolicy;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The shared part of every goal: the skip flags and where the migrations are. Subclasses do their work in
 * {@link #run()}; how new versions are named is configured on the goals that name migrations.
 */
public abstract class AbstractMigrationMojo extends AbstractMojo {

    /**
     * Skips every goal of this plugin. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Flyway locations of the versioned and repeatable migrations, as Flyway writes them:
     * {@code classpath:db/migration} (resolved against the project's resource directories) or
     * {@code filesystem:path} (resolved against the project directory). Comma-separated on the command line.
     * Default {@code classpath:db/migration}, Flyway's default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.locations", defaultValue = MigrationLayout.DEFAULT_LOCATION)
    private List<String> locations;

    /**
     * Where the down (undo) scripts {@code U<version>__<description>.sql} live. Default
     * {@code classpath:db/undo}: outside Flyway's locations, because open-source Flyway rejects U files when
     * {@code validateMigrationNaming} is on. {@code adjacent} puts them next to the migrations (Flyway Teams).
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.undoLocation", defaultValue = MigrationLayout.DEFAULT_UNDO_LOCATION)
    private String undoLocation;

    protected final MavenProject project;

    protected AbstractMigrationMojo(MavenProject project) {
        this.project = project;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: migration.skip is true");
            return;
        }
        if (isGoalSkipped()) {
            getLog().info("Skipping: " + goalSkipProperty() + " is true");
            return;
        }
        run();
    }

    /** The goal's work. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The value of the goal's own {@code migration.<goal>.skip} parameter. */
    protected abstract boolean isGoalSkipped();

    /** The name of the goal's own skip property, for the log line. */
    protected abstract String goalSkipProperty();

    protected Path baseDir() {
        return project.getBasedir().toPath();
    }

    /** The project's migration layout. */
    protected MigrationLayout layout() throws MojoExecutionException {
        List<Path> resourceDirs = project.getBuild() == null
                ? List.of()
                : project.getBuild().getResources().stream()
                        .map(Resource::getDirectory)
                        .map(Path::of)
                        .toList();
        try {
            return MigrationLayout.resolve(baseDir(), locations, undoLocation, resourceDirs);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid migration location: " + e.getMessage());
        }
    }

    /** The naming policy of the goals that name migrations ({@code new}, {@code rebase}). */
    protected static NamingPolicy namingPolicy(String timestampPattern, int maxSlugLength)
            throws MojoExecutionException {
        try {
            return new NamingPolicy(timestampPattern, maxSlugLength);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid naming configuration: " + e.getMessage()
                    + " (parameters timestampPattern / migration.timestampPattern and maxSlugLength / "
                    + "migration.maxSlugLength)");
        }
    }
}
