package dev.migrationsafety.maven;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.DialectResolver;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The goals that read the migrations' SQL (check, graph, roundtrip): they share the dialect and its inference. */
public abstract class AbstractSqlMojo extends AbstractMigrationMojo {

    /**
     * The SQL dialect of the migrations: {@code postgresql}, {@code mysql} (also MariaDB), {@code h2} or
     * {@code generic}. It decides how statements are split and read, how names fold and the default schema.
     * Default: the dialect of {@link #flywayUrl}, else of the JDBC driver among the project's dependencies, else
     * {@code postgresql}. {@code migration:roundtrip} uses the same, except that the dialect of its {@code url}
     * wins over all but a dialect set here.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.dialect")
    private String dialect;

    /**
     * The Flyway URL, read only to infer the {@link #dialect}. Default: the {@code flyway.url} property.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flyway.url")
    private String flywayUrl;

    protected AbstractSqlMojo(MavenProject project) {
        super(project);
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
            DialectResolver.Resolution resolution = DialectResolver.resolve(dialect, flywayUrl, dependencies);
            getLog().debug("SQL dialect: " + resolution);
            return resolution;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid dialect (migration.dialect): " + e.getMessage());
        }
    }
}
