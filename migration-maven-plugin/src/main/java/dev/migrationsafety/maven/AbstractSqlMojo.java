package dev.migrationsafety.maven;

import dev.migrationsafety.config.FlywayKeys;
import dev.migrationsafety.config.Setting;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.DialectResolver;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The goals that read the migrations' SQL (check, graph, roundtrip): they share the dialect and its inference. */
public abstract class AbstractSqlMojo extends AbstractMigrationMojo {

    /**
     * The SQL dialect of the migrations: {@code postgresql}, {@code mysql} (also MariaDB), {@code h2} or
     * {@code generic}. It decides how statements are split and read, how names fold and the default schema.
     * Default: the dialect of the Flyway url ({@link #flywayUrl}, else the url of Flyway's configuration, see
     * {@code flywayConfig}), else of the JDBC driver among the project's dependencies, else {@code postgresql}.
     * {@code migration:roundtrip} uses the same, except that the dialect of its {@code url} wins over all but a
     * dialect set here.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.dialect")
    private String dialect;

    /**
     * The Flyway URL, read only to infer the {@link #dialect}. Default: the {@code flyway.url} property, else the url
     * of Flyway's configuration (flyway-maven-plugin, {@code flyway.toml}, {@code flyway.conf}, Spring Boot's
     * {@code spring.flyway.url} / {@code spring.datasource.url}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "flyway.url")
    private String flywayUrl;

    /**
     * Flyway placeholders for the ups and downs, as in Flyway's own configuration:
     * {@code <placeholders><owner>app</owner></placeholders>}. Placeholders of Flyway's configuration (see
     * {@code flywayConfig}) that are not set here are added. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> placeholders;

    protected AbstractSqlMojo(MavenProject project) {
        super(project);
    }

    @Override
    protected void pluginSettings(Map<String, Setting> settings) {
        if (flywayUrl != null && !flywayUrl.isBlank()) {
            settings.put(FlywayKeys.URL, new Setting(flywayUrl.strip(), origin("flywayUrl", "flyway.url")));
        }
        if (placeholders != null) {
            placeholders.forEach((name, value) -> settings.put(
                    FlywayKeys.PLACEHOLDERS + "." + name,
                    new Setting(value == null ? "" : value, "plugin parameter placeholders")));
        }
    }

    /** The placeholders: this plugin's, then those of Flyway's configuration. */
    protected Map<String, String> placeholders() throws MojoExecutionException {
        return configuration().placeholders();
    }

    /** The dialect as configured, or {@code null}. */
    protected String configuredDialect() {
        return dialect == null || dialect.isBlank() ? null : dialect;
    }

    /** The dialect: as configured, else from the Flyway URL, else from the JDBC driver dependency, else PostgreSQL. */
    protected Dialect dialect() throws MojoExecutionException {
        return dialectResolution().dialect();
    }

    /** The dialect and where it came from. */
    protected DialectResolver.Resolution dialectResolution() throws MojoExecutionException {
        List<String> dependencies = project.getDependencies() == null
                ? List.of()
                : project.getDependencies().stream()
                        .map(d -> d.getGroupId() + ":" + d.getArtifactId())
                        .toList();
        try {
            DialectResolver.Resolution resolution =
                    DialectResolver.resolve(dialect, configuration().url(), dependencies);
            getLog().debug("SQL dialect: " + resolution);
            return resolution;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid dialect (migration.dialect): " + e.getMessage());
        }
    }
}
