package dev.migrationsafety.maven;

import dev.migrationsafety.config.ConfigFileException;
import dev.migrationsafety.config.ConfigSource;
import dev.migrationsafety.config.EffectiveConfiguration;
import dev.migrationsafety.config.FlywayKeys;
import dev.migrationsafety.config.ProjectConfigFiles;
import dev.migrationsafety.config.Setting;
import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.NamingPolicy;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
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
     * Default: Flyway's own configuration where the project keeps one (see {@link #flywayConfig}), else
     * {@code classpath:db/migration}, Flyway's default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.locations")
    private List<String> locations;

    /**
     * Whether settings this plugin is not given are read from where Flyway users keep them, in this order: the
     * {@code flyway.*} properties, the flyway-maven-plugin's configuration in the POM, {@code flyway.toml},
     * {@code flyway.conf} (both in the project directory or its {@code conf/}), Spring Boot's
     * {@code application.properties} / {@code application.yml}. {@code mvn migration:config} prints what was read
     * from where. {@code false}: only this plugin's parameters and Flyway's defaults. Default {@code true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.flywayConfig", defaultValue = "true")
    private boolean flywayConfig = true;

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

    private MavenSession session;
    private EffectiveConfiguration configuration;

    protected AbstractMigrationMojo(MavenProject project) {
        this.project = project;
    }

    /**
     * The session, for the {@code flyway.*} user properties; injected into every goal without each goal's
     * constructor having to pass it on.
     */
    @Inject
    void useSession(MavenSession session) {
        this.session = session;
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

    /** The project's migration layout: the effective locations, this plugin's undo location. */
    protected MigrationLayout layout() throws MojoExecutionException {
        EffectiveConfiguration config = configuration();
        List<String> effective;
        FlywayNaming naming;
        try {
            naming = config.naming();
            effective = config.locations();
        } catch (ConfigFileException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        try {
            return MigrationLayout.resolve(baseDir(), effective, undoLocation, resourceDirs())
                    .withNaming(naming);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid migration location: " + e.getMessage() + " (locations from "
                    + config.setting(FlywayKeys.LOCATIONS).origin() + ")");
        }
    }

    private List<Path> resourceDirs() {
        return project.getBuild() == null
                ? List.of()
                : project.getBuild().getResources().stream()
                        .map(Resource::getDirectory)
                        .map(Path::of)
                        .toList();
    }

    /**
     * The Flyway settings from this plugin's parameters and, unless {@link #flywayConfig} is off, from where Flyway
     * users keep them, each with its origin. Read once per goal.
     *
     * @throws MojoExecutionException for a configuration file that cannot be read, naming file and line
     */
    protected EffectiveConfiguration configuration() throws MojoExecutionException {
        if (configuration != null) {
            return configuration;
        }
        Map<String, Setting> own = new LinkedHashMap<>();
        if (locations != null && !locations.isEmpty()) {
            own.put(
                    FlywayKeys.LOCATIONS,
                    new Setting(String.join(",", locations), origin("locations", "migration.locations")));
        }
        pluginSettings(own);
        List<ConfigSource> sources = new ArrayList<>();
        sources.add(new ConfigSource("plugin parameters", own));
        if (flywayConfig) {
            sources.add(FlywayConfigSources.properties(session, project));
            sources.add(FlywayConfigSources.pom(project));
            try {
                sources.addAll(ProjectConfigFiles.read(baseDir(), resourceDirs()));
            } catch (ConfigFileException e) {
                throw new MojoExecutionException(e.getMessage());
            } catch (UncheckedIOException e) {
                throw new MojoExecutionException(
                        e.getMessage() + ": " + e.getCause().getMessage());
            }
        }
        configuration = EffectiveConfiguration.resolve(sources);
        if (getLog().isDebugEnabled()) {
            configuration.describe().forEach(line -> getLog().debug("Flyway configuration: " + line));
        }
        return configuration;
    }

    /** Adds the goal's own parameters that are Flyway settings (url, placeholders) under Flyway's names. */
    protected void pluginSettings(Map<String, Setting> settings) {}

    /**
     * Where a parameter's value came from, for {@code migration:config}: {@code property migration.locations} when
     * the user property is set, else {@code plugin parameter locations}.
     */
    protected String origin(String parameter, String property) {
        boolean fromProperty = property != null
                && session != null
                && session.getUserProperties() != null
                && session.getUserProperties().getProperty(property) != null;
        return fromProperty ? "property " + property : "plugin parameter " + parameter;
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
