package dev.migrationsafety.maven;

import dev.migrationsafety.migration.GeneratedMigration;
import dev.migrationsafety.migration.MigrationGenerator;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationTemplate;
import dev.migrationsafety.migration.NamingPolicy;
import dev.migrationsafety.migration.NewMigration;
import dev.migrationsafety.migration.NewMigrationException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Creates a new migration, named {@code V<UTC timestamp>__<slug>.sql}, and its down script
 * {@code U<same version>__<slug>.sql}, each from a template with a short header. The version always sorts after
 * every existing migration, and no file is ever overwritten.
 *
 * <p>Run it in the module that holds the migrations, or from the reactor root with {@code -pl <module>}.
 *
 * @since 0.1.0
 */
@Mojo(name = "new", requiresProject = true, aggregator = false, threadSafe = true)
public class NewMojo extends AbstractMigrationMojo {
    /** The lock file name the scanner must not take for a stray file (team default). */
    private static final String LOCK_FILE_NAME = "migrations.lock";

    /**
     * What the migration does, in words: e.g. {@code Add user preferences}, which becomes the file name part
     * {@code add_user_preferences} (lower case, accents removed, other characters as {@code _}). Required.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.name")
    private String name;

    /**
     * The built-in template: {@code versioned} (a migration and its down script), {@code repeatable} (an
     * {@code R__} migration, no down script) or {@code extension} (PostgreSQL {@code CREATE EXTENSION} and its
     * {@code DROP EXTENSION}; needs {@code extension}). Default {@code versioned}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.template", defaultValue = MigrationTemplate.VERSIONED)
    private String template;

    /**
     * A directory with your own templates, relative to the project: {@code up.sql} and {@code down.sql}, with
     * placeholders such as {@code {{description}}} and {@code {{version}}} (see the goal's documentation). Used
     * instead of the built-in {@code versioned} template. No default: the built-in templates are used.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.templateDir")
    private File templateDir;

    /**
     * The PostgreSQL extension the {@code extension} template installs, e.g. {@code pg_trgm}. Required by that
     * template, ignored by the others. No default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.extension")
    private String extension;

    /**
     * Marks the migration as one that cannot be reversed: its down file then holds the line
     * {@code -- migration:irreversible reason="..."} instead of statements. Needs {@code irreversibleReason}.
     * Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.noDown", defaultValue = "false")
    private boolean noDown;

    /**
     * Why the migration cannot be reversed (e.g. {@code drops the legacy audit data}); required with
     * {@code noDown}, refused without it. No default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.irreversibleReason")
    private String irreversibleReason;

    /**
     * The {@link java.time.format.DateTimeFormatter} pattern of the new migration's version, in UTC. It must give digits
     * separated by {@code _} or {@code .} and order like time, e.g. {@code yyyyMMdd_HHmmss} (which Flyway reads
     * as version {@code 20260129.143052}). Default {@code yyyyMMddHHmmss}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.timestampPattern", defaultValue = NamingPolicy.DEFAULT_TIMESTAMP_PATTERN)
    private String timestampPattern;

    /**
     * The longest description slug in a new file name; longer descriptions are cut at a word. Default 64.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.maxSlugLength", defaultValue = "64")
    private int maxSlugLength;

    /**
     * Skips this goal. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.new.skip", defaultValue = "false")
    private boolean skipNew;

    @Inject
    public NewMojo(MavenProject project) {
        super(project);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if ("pom".equals(project.getPackaging()) && !project.getModules().isEmpty()) {
            getLog().info("Skipping " + project.getArtifactId() + ": it is an aggregator; its modules get the "
                    + "migration. To create one in a single module, run from here with -pl <module>");
            return;
        }
        if (name == null || name.isBlank()) {
            throw new MojoFailureException("No migration name given: say what the migration does, e.g. "
                    + "mvn migration:new -Dmigration.name=\"Add user preferences\"");
        }
        MigrationLayout layout = layout();
        try {
            NewMigration request = new NewMigration(
                    layout,
                    namingPolicy(timestampPattern, maxSlugLength),
                    Set.of(LOCK_FILE_NAME),
                    name,
                    template(layout),
                    irreversibility());
            GeneratedMigration created = new MigrationGenerator(Clock.systemUTC()).generate(request);
            created.notices().forEach(getLog()::warn);
            getLog().info("Created " + created.up().displayPath());
            if (created.down().isPresent()) {
                getLog().info("Created " + created.down().get().displayPath()
                        + (noDown ? " (marks the migration irreversible)" : ""));
            }
        } catch (NewMigrationException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("Could not create the migration: " + e.getMessage(), e);
        }
    }

    private MigrationTemplate template(MigrationLayout layout) throws IOException {
        if (templateDir == null) {
            return MigrationTemplate.builtIn(template, extension);
        }
        if (!MigrationTemplate.VERSIONED.equals(template)) {
            throw new NewMigrationException("templateDir replaces the built-in versioned template; it cannot be "
                    + "combined with template " + template + ": leave out one of the two");
        }
        return MigrationTemplate.fromDirectory(templateDir.toPath(), layout.display(templateDir.toPath()), !noDown);
    }

    private String irreversibility() {
        boolean hasReason = irreversibleReason != null && !irreversibleReason.isBlank();
        if (noDown && !hasReason) {
            throw new NewMigrationException("-Dmigration.noDown=true needs the reason the migration cannot be "
                    + "reversed: add -Dmigration.irreversibleReason=\"...\", e.g. \"drops the legacy audit data\"");
        }
        if (!noDown && hasReason) {
            throw new NewMigrationException("-Dmigration.irreversibleReason is only used with "
                    + "-Dmigration.noDown=true; add it to mark the migration irreversible, or leave out the reason");
        }
        return noDown ? irreversibleReason : null;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipNew;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.new.skip";
    }
}
