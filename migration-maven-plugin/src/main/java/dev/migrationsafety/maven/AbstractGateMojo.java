package dev.migrationsafety.maven;

import dev.migrationsafety.config.FlywayKeys;
import dev.migrationsafety.database.DatabaseException;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ReadOnlySession;
import dev.migrationsafety.lint.Acceptance;
import dev.migrationsafety.lint.AcceptedFindingsException;
import dev.migrationsafety.lint.Allow;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.release.GateContributor;
import dev.migrationsafety.release.ReleasePlan;
import dev.migrationsafety.release.ReleasePlanner;
import dev.migrationsafety.release.ReleaseReport;
import dev.migrationsafety.release.ReleaseSettings;
import dev.migrationsafety.report.Severity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The release goals ({@code plan}, {@code verify}): connect read-only to the database a release changes, run the
 * gate of {@code migration-core}'s {@code release} package, print the summary, write the reports and fail by the
 * policy. See docs/goals/plan.md and docs/goals/verify.md.
 */
public abstract class AbstractGateMojo extends AbstractSqlMojo {
    /**
     * JDBC URL of the database the release changes, e.g. {@code jdbc:postgresql://db:5432/app}. Only read: the
     * session is read-only at the database level. When the POM sets none, the user property {@code migration.url} is
     * read as the goal runs (kept out of Maven's {@code -X} output), else the url of the project's Flyway
     * configuration ({@code flyway.url}, flyway-maven-plugin, {@code flyway.conf}/{@code flyway.toml}, Spring Boot's
     * {@code spring.flyway.url} / {@code spring.datasource.url}). Default: none.
     *
     * @since 0.2.0
     */
    @Parameter
    private String url;

    /**
     * User for the url. Default: the {@link #serverId}'s user, else the user of the Flyway configuration. The
     * password is read as the goal runs from {@code migration.password}, the environment variable
     * {@code MIGRATION_PASSWORD}, the {@link #serverId}'s server, else the Flyway configuration.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migration.user")
    private String user;

    /**
     * Id of a {@code <server>} in {@code settings.xml} whose username and password are used for the url. Default:
     * none.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migration.serverId")
    private String serverId;

    /**
     * The bound of every statement on the target, e.g. {@code 30s}, {@code 2m}. Default {@code 30s}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migration.statementTimeout", defaultValue = "30s")
    private String statementTimeout;

    /**
     * Finding ids that do not fail the build, comma-separated, e.g. {@code checksum-mismatch,out-of-order-migration}.
     * The findings are still reported. The ids are listed in docs/goals/plan.md. Default: none.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migration.allow")
    private String allow;

    /**
     * The lowest severity of a check finding on a pending migration that fails the build, as for
     * {@code migration:check}. Default {@code critical}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migration.failOn", defaultValue = "critical")
    private String failOn;

    /**
     * Flyway's {@code outOfOrder}: whether Flyway runs pending migrations older than the newest applied one. Default
     * {@code false}, as in Flyway.
     *
     * @since 0.2.0
     */
    @Parameter(property = "flyway.outOfOrder", defaultValue = "false")
    private boolean outOfOrder;

    /**
     * Flyway's {@code mixed}: whether a PostgreSQL migration may mix statements that cannot run in a transaction
     * with ones that can. Default {@code false}, as in Flyway.
     *
     * @since 0.2.0
     */
    @Parameter(property = "flyway.mixed", defaultValue = "false")
    private boolean mixed;

    /**
     * Allow-list entries for the check findings on pending migrations, as for {@code migration:check}. No default.
     *
     * @since 0.2.0
     */
    @Parameter
    private List<Allow> allows;

    /**
     * Where the reports go. Default <code>${project.build.directory}/migration</code>.
     *
     * @since 0.2.0
     */
    /**
     * The lock file; the findings {@code migration:adopt} accepted in released migrations are read from
     * {@code migrations.accepted} beside it and not reported again.
     */
    @Parameter(property = "migration.lockFile", defaultValue = "src/main/resources/db/migrations.lock")
    private File lockFile;

    @Parameter(defaultValue = "${project.build.directory}/migration", required = true)
    private File outputDirectory;

    private final MavenSession session;
    private final SettingsDecrypter decrypter;

    protected AbstractGateMojo(MavenProject project, MavenSession session, SettingsDecrypter decrypter) {
        super(project);
        this.session = session;
        this.decrypter = decrypter;
    }

    /** {@code plan} or {@code verify}. */
    protected abstract String goal();

    /** Runs the goal's gate on the session. */
    protected abstract ReleasePlan gate(ReleasePlanner planner, ReadOnlySession session, MigrationSet set);

    /**
     * The capabilities that add sections to this goal's report, in report order. This is where data impact and
     * preflight (plan) and drift and deploy leftovers (plan and verify) are wired in.
     */
    protected List<GateContributor> contributors() {
        return List.of();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        ConnectionSettings.refuseConfiguredPassword(project);
        ReleaseSettings settings = settings();
        Duration timeout = timeout();
        DbTarget target = target();
        MigrationSet set = new MigrationScanner(Set.of("migrations.lock", "migrations.accepted")).scan(layout());
        ReleasePlanner planner;
        try {
            planner = new ReleasePlanner(settings)
                    .accepting(Acceptance.load(
                            baseDir(), baseDir().resolve(lockFile.toPath()), target.dialect(), layout().naming()));
        } catch (AcceptedFindingsException e) {
            throw new MojoFailureException(e.describe());
        }
        for (GateContributor contributor : contributors()) {
            planner = planner.with(contributor);
        }
        ReleasePlan plan;
        try (ReadOnlySession session = ReadOnlySession.open(target, timeout)) {
            plan = gate(planner, session, set);
        } catch (DatabaseException e) {
            throw new MojoExecutionException(target.mask(gateAdvice(e.getMessage())));
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Cannot read the migrations: " + e.getMessage());
        }
        ReleaseReport report = new ReleaseReport(plan);
        for (ReleaseReport.Line line : report.console()) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARN -> getLog().warn(line.text());
                default -> getLog().info(line.text());
            }
        }
        Path out = outputDirectory.toPath();
        try {
            List<Path> written = report.write(out);
            getLog().info("Reports: "
                    + String.join(
                            ", ",
                            written.stream()
                                    .map(p -> baseDir()
                                            .relativize(p.toAbsolutePath())
                                            .toString()
                                            .replace('\\', '/'))
                                    .toList()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + out + ": " + e.getMessage(), e);
        }
        int blocking = plan.gate().blocking().size();
        if (blocking > 0) {
            throw new MojoFailureException("migration:" + goal() + " blocked by " + blocking + " finding"
                    + (blocking == 1 ? "" : "s") + " (see above); fix each, or relax its id with -Dmigration.allow=<id>"
                    + " (docs/goals/" + goal() + ".md)");
        }
    }

    /** A connection failure's advice, for a goal that must reach the very database a release deploys to. */
    static String gateAdvice(String message) {
        int cut = message.indexOf("; name one ");
        return cut < 0
                ? message
                : message.substring(0, cut)
                        + "; point migration.url (or the project's Flyway url) at the database this release deploys to";
    }

    private ReleaseSettings settings() throws MojoExecutionException {
        Severity threshold;
        try {
            threshold = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid failOn (migration.failOn): " + e.getMessage());
        }
        List<String> schemas = configuration().list(FlywayKeys.SCHEMAS);
        return new ReleaseSettings(
                schemas.isEmpty() ? null : schemas.get(0),
                configuration().value(FlywayKeys.TABLE),
                outOfOrder,
                mixed,
                placeholders(),
                threshold,
                ReleaseSettings.parseAllowed(allow),
                Allow.entries(allows));
    }

    private Duration timeout() throws MojoExecutionException {
        try {
            Duration d = DurationParser.parse(statementTimeout);
            if (d.toSeconds() < 1) {
                throw new IllegalArgumentException("'" + statementTimeout + "' is less than 1s");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid statementTimeout (migration.statementTimeout): " + e.getMessage()
                    + "; give a duration such as 30s or 2m");
        }
    }

    /** The url: the POM's, {@code migration.url}, else the Flyway configuration's; credentials likewise. */
    private DbTarget target() throws MojoExecutionException {
        String connectTo = ConnectionSettings.url(url, session, project);
        boolean fromFlyway = connectTo == null;
        if (fromFlyway) {
            connectTo = configuration().url();
        }
        if (connectTo == null || connectTo.isBlank()) {
            throw new MojoExecutionException("No database to " + goal() + " against: set -D"
                    + ConnectionSettings.URL_PROPERTY + "=jdbc:postgresql://host:5432/app (or <url> in the plugin"
                    + " configuration), or flyway.url / spring.datasource.url in the project's Flyway configuration");
        }
        String u = user;
        ConnectionSettings.Password p = ConnectionSettings.password(session, project);
        if (serverId != null && !serverId.isBlank()) {
            Server decrypted = ServerCredentials.of(session, decrypter, serverId);
            u = u == null || u.isBlank() ? decrypted.getUsername() : u;
            if (p == null && decrypted.getPassword() != null) {
                p = new ConnectionSettings.Password(
                        decrypted.getPassword(), "the server '" + serverId + "' of the settings");
            }
        }
        if ((u == null || u.isBlank()) && fromFlyway) {
            u = configuration().value(FlywayKeys.USER);
        }
        if (p == null && fromFlyway && configuration().value(FlywayKeys.PASSWORD) != null) {
            p = new ConnectionSettings.Password(
                    configuration().value(FlywayKeys.PASSWORD),
                    configuration().setting(FlywayKeys.PASSWORD).origin());
        }
        DbTarget target = new DbTarget(connectTo.strip(), u, p == null ? null : p.value());
        getLog().debug("Connecting read-only to " + target + " (url from "
                + (fromFlyway ? configuration().setting(FlywayKeys.URL).origin() : "migration.url / <url>")
                + "; password from "
                + (p != null ? p.source() : target.urlHasPassword() ? "the url" : "nowhere: none is given") + ")");
        return target;
    }
}
