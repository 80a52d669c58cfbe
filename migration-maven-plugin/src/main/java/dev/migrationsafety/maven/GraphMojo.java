package dev.migrationsafety.maven;

import dev.migrationsafety.lint.Acceptance;
import dev.migrationsafety.lint.AcceptedFindingsException;
import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.StrayFile;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.schema.GraphFilter;
import dev.migrationsafety.schema.GraphRun;
import dev.migrationsafety.schema.MigrationAnalyzer;
import dev.migrationsafety.schema.render.GraphFormat;
import dev.migrationsafety.schema.render.GraphWriter;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlAnalysis;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Draws the schema the versioned migrations build, offline from their SQL: replays them in version order, prints
 * the order tables can be created and dropped in and the foreign-key cycles, reports what would fail (a foreign
 * key to a table that does not exist yet, a drop of a table still referenced, a reference to a renamed name, a
 * cycle), and writes Mermaid, Graphviz DOT, JSON and an offline HTML page to {@code target/migration/}.
 *
 * @since 0.1.0
 */
@Mojo(name = "graph", requiresProject = true, threadSafe = true)
public class GraphMojo extends AbstractSqlMojo {
    private static final String LOCK_FILE_NAME = "migrations.lock";

    /**
     * Skips this goal. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.skip", defaultValue = "false")
    private boolean skipGraph;

    /**
     * The lock file, relative to the project; the findings {@code migration:adopt} accepted are read from
     * {@code migrations.accepted} beside it and not shown. Default {@code src/main/resources/db/migrations.lock}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lockFile", defaultValue = HistoryFiles.DEFAULT_LOCK_FILE)
    private String lockFile;

    /**
     * The schema of unqualified table names. Default: the dialect's ({@code public} for PostgreSQL, {@code PUBLIC}
     * for H2); for MySQL set the database name, else unqualified names stay unqualified.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.defaultSchema")
    private String defaultSchema;

    /**
     * Draw the schema as it was after this migration version, e.g. {@code 20260129.143052}. Default: the newest.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.at")
    private String at;

    /**
     * The files to write: any of {@code mermaid} ({@code schema.mmd} erDiagram and {@code migrations.mmd}
     * flowchart), {@code dot} ({@code schema.dot}), {@code json} ({@code graph.json}) and {@code html}
     * ({@code graph.html} with {@code schema.svg} embedded). Comma-separated on the command line. Default all four.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.formats", defaultValue = "mermaid,dot,json,html")
    private List<String> formats;

    /**
     * Schemas to show, as glob patterns ({@code *}, {@code ?}, case-insensitive). Default: all.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.includeSchemas")
    private List<String> includeSchemas;

    /**
     * Schemas to leave out, as glob patterns; wins over {@code includeSchemas}. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.excludeSchemas")
    private List<String> excludeSchemas;

    /**
     * Tables to show, as glob patterns: {@code orders*} matches the name in any schema, {@code sales.*} matches
     * {@code schema.name}. Default: all. Findings always cover every table.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.includeTables")
    private List<String> includeTables;

    /**
     * Tables to leave out, as glob patterns like {@code includeTables}; wins over it. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.excludeTables")
    private List<String> excludeTables;

    /**
     * Above this many tables the HTML page leaves the picture out (narrow it with the include and exclude
     * patterns). Default 1000.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "migration.graph.maxPictureTables",
            defaultValue = "" + GraphWriter.DEFAULT_MAX_PICTURE_TABLES)
    private int maxPictureTables;

    /**
     * Fails the build when the graph has findings of this severity or worse ({@code critical}, {@code high},
     * {@code medium}, {@code low}). Default: none, the findings are warnings.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.failOnSeverity")
    private String failOnSeverity;

    /**
     * Where the files go. Default <code>${project.build.directory}/migration</code>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.graph.outputDirectory", defaultValue = "${project.build.directory}/migration")
    private File outputDirectory;

    @Inject
    public GraphMojo(MavenProject project) {
        super(project);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Dialect sqlDialect;
        Set<GraphFormat> formatSet = EnumSet.noneOf(GraphFormat.class);
        MigrationVersion atVersion = null;
        Severity failOn = null;
        try {
            sqlDialect = dialect();
            for (String f : formats == null ? List.<String>of() : formats) {
                if (!f.isBlank()) {
                    formatSet.add(GraphFormat.parse(f));
                }
            }
            if (at != null && !at.isBlank()) {
                atVersion = MigrationVersion.parse(at.strip());
            }
            if (failOnSeverity != null && !failOnSeverity.isBlank()) {
                failOn = Severity.parse(failOnSeverity);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid migration:graph configuration: " + e.getMessage());
        }
        MigrationSet migrations;
        try {
            migrations = new MigrationScanner(Set.of(LOCK_FILE_NAME)).scan(layout());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Cannot list the migrations: " + e.getMessage(), e);
        }
        for (StrayFile stray : migrations.strays()) {
            if (stray.isForeignFile()) {
                continue; // Flyway never reads it either
            }
            getLog().warn(stray.displayPath() + " " + stray.reason() + "; it is not part of the graph");
        }
        GraphRun.Options options = new GraphRun.Options(
                sqlDialect,
                defaultSchema,
                new GraphFilter(includeSchemas, excludeSchemas, includeTables, excludeTables),
                atVersion,
                formatSet,
                outputDirectory.toPath(),
                maxPictureTables);
        GraphRun.Outcome outcome;
        try {
            outcome = GraphRun.run(migrations, MigrationAnalyzer.of(new SqlAnalysis(), sqlDialect), options);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot build the schema graph: " + e.getMessage(), e);
        }
        Acceptance.Split split = accepted(sqlDialect, migrations.layout().naming())
                .apply(outcome.result().findings());
        outcome.info().forEach(getLog()::info);
        GraphRun.shownWarnings(outcome.warnings(), split.accepted()).forEach(getLog()::warn);
        if (!split.accepted().isEmpty()) {
            getLog().info(split.accepted().size() + " graph finding(s) accepted at adoption, not shown (listed in "
                    + acceptedDisplay + ")");
        }
        if (failOn != null) {
            Severity threshold = failOn;
            long failing = split.reported().stream()
                    .map(Finding::severity)
                    .filter(s -> s.atLeast(threshold))
                    .count();
            if (failing > 0) {
                throw new MojoFailureException(failing + " schema graph finding(s) of severity " + threshold.id()
                        + " or worse; see above. Fix the migrations, or raise migration.graph.failOnSeverity");
            }
        }
    }

    private String acceptedDisplay;

    /** The findings migration:adopt accepted; a damaged file fails the goal with its file and line. */
    private Acceptance accepted(Dialect sqlDialect, FlywayNaming naming) throws MojoFailureException {
        Path lock = baseDir().resolve(lockFile).normalize();
        try {
            Acceptance acceptance = Acceptance.load(baseDir(), lock, sqlDialect, naming);
            acceptedDisplay = acceptance.display();
            return acceptance;
        } catch (AcceptedFindingsException e) {
            throw new MojoFailureException(e.describe());
        }
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipGraph;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.graph.skip";
    }
}
