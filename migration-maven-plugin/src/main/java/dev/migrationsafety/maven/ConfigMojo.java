package dev.migrationsafety.maven;

import dev.migrationsafety.config.EffectiveConfiguration;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.sql.DialectResolver;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Prints the Flyway configuration the other goals use and where each value came from: this plugin's parameters,
 * the {@code flyway.*} properties, the flyway-maven-plugin's configuration in the POM, {@code flyway.toml},
 * {@code flyway.conf}, Spring Boot's {@code application.properties} / {@code application.yml}, or Flyway's default.
 * Passwords are masked. Then the dialect the SQL is read in and the directories the migrations are read from. Fails,
 * as the other goals would, when a configuration file cannot be read. See docs/goals/config.md.
 *
 * @since 0.1.0
 */
@Mojo(name = "config", threadSafe = true, requiresProject = true)
public class ConfigMojo extends AbstractSqlMojo {

    /**
     * Skips this goal. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.config.skip", defaultValue = "false")
    private boolean skipConfig;

    @Inject
    public ConfigMojo(MavenProject project) {
        super(project);
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipConfig;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.config.skip";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        EffectiveConfiguration config;
        try {
            config = configuration();
        } catch (MojoExecutionException e) {
            throw new MojoFailureException(e.getMessage());
        }
        getLog().info("Flyway configuration (the first source that sets a value wins: plugin parameters, flyway.*"
                + " properties, flyway-maven-plugin in pom.xml, flyway.toml, flyway.conf, Spring Boot's"
                + " application.properties / .yml, then Flyway's default):");
        config.describe().forEach(getLog()::info);
        DialectResolver.Resolution dialect;
        MigrationLayout layout;
        try {
            dialect = dialectResolution();
            layout = layout();
        } catch (MojoExecutionException e) {
            throw new MojoFailureException(e.getMessage());
        }
        getLog().info("dialect = " + dialect.dialect().id() + "  (" + dialect.source() + ")");
        getLog().info("migration directories = "
                + String.join(
                        ",",
                        layout.migrationDirs().stream().map(layout::display).toList()));
        getLog().info("down scripts = " + layout.display(layout.undoDir()));
    }
}
