package dev.migrationsafety.roundtrip;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.SharedConnectionDataSource;
import dev.migrationsafety.flyway.FlywaySetup;
import dev.migrationsafety.flyway.MigrationResources;
import dev.migrationsafety.flyway.QuietFlywayLog;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

/**
 * Applies ups through Flyway itself, so that placeholders, callbacks, {@code executeInTransaction} and the history
 * table behave exactly as in production. Flyway's info output is silenced, its warnings and errors passed on; its
 * failures become
 * {@link Failure}s with file, line, statement and the database's error.
 */
final class FlywayUp {
    private final MigrationLayout layout;
    private final Map<String, String> placeholders;
    private final MigrationResources resources;
    private final MigrationResources single;
    private final MigrationResources stepped;
    private final MigrationResources none;
    private ScratchDatabase configuredFor;
    private FluentConfiguration configuration;
    private Flyway singleStep;
    private Flyway steppedRun;
    private Flyway noMigration;
    private SharedConnectionDataSource dataSource;
    private static final Pattern MIGRATE_FAILED = Pattern.compile("^Migration of .* failed!");
    private final Consumer<String> console;
    private final Set<String> shown = Collections.synchronizedSet(new HashSet<>());
    private final StepCallbacks steps = new StepCallbacks();

    /**
     * @param console receives Flyway's warnings ({@code WARNING: Flyway: ...}), errors ({@code ERROR: Flyway:
     *     ...}) and the PostgreSQL notices it logs as warnings ({@code DEBUG: Flyway: ...}), passwords masked, each
     *     distinct text once (Flyway repeats its version notices on every migrate)
     */
    FlywayUp(MigrationLayout layout, Map<String, String> placeholders, Consumer<String> console) {
        this.layout = layout;
        this.placeholders = placeholders;
        this.console = console;
        this.resources = MigrationResources.of(layout);
        this.single = resources.restrictedView();
        this.stepped = resources.restrictedView();
        this.none = resources.restrictedView();
        QuietFlywayLog.install();
    }

    /**
     * A migrate that applies no migration (Flyway sees none): only Flyway's migrate callbacks run, and the history
     * table is created, as on a database that is up to date.
     */
    MigrateResult callbacksOnly(ScratchDatabase db) {
        configurationFor(db);
        return run(db, noMigration);
    }

    /** Whether the project has SQL callbacks that Flyway runs around migrations. */
    boolean hasCallbacks() {
        return resources.hasCallbacks();
    }

    /** Migrates the scratch database up to {@code target} ({@code latest} for all). */
    MigrateResult migrate(ScratchDatabase db, String target) {
        FluentConfiguration config = configurationFor(db)
                .resourceProvider(resources)
                .validateOnMigrate(true)
                .target(target);
        return run(db, config.load());
    }

    /**
     * Applies the versioned migrations in {@code fileNames} (Flyway sees only those and the callbacks) with step
     * mode's handler called around each up (see {@link StepCallbacks}).
     */
    MigrateResult migrateInSteps(ScratchDatabase db, Collection<String> fileNames, StepCallbacks.Handler handler) {
        configurationFor(db);
        stepped.select(fileNames);
        steps.use(handler);
        try {
            return run(db, steppedRun);
        } finally {
            steps.use(null);
        }
    }

    /**
     * Applies exactly one versioned migration, the one in {@code fileName}: Flyway sees only that file (and the
     * callbacks), so it neither re-reads nor re-validates the history already applied. One Flyway instance serves
     * all these calls on a scratch database; its resource view is re-pointed at the file, and its target
     * {@code next} makes Flyway stop after that migration instead of looking for another one under a second lock.
     */
    MigrateResult migrateOne(ScratchDatabase db, String fileName) {
        configurationFor(db);
        single.select(fileName);
        return run(db, singleStep);
    }

    private MigrateResult run(ScratchDatabase db, Flyway flyway) {
        DbTarget where = db.masking();
        try (QuietFlywayLog.Route route = QuietFlywayLog.routeTo(line -> show(line, where))) {
            return flyway.migrate();
        } finally {
            dataSource.reset();
        }
    }

    private void show(QuietFlywayLog.Line line, DbTarget where) {
        if (line.error() && MIGRATE_FAILED.matcher(line.text()).find()) {
            // "Migration of schema ... failed! Please restore backups ...": the failure itself is reported with
            // file, line and statement, and restoring backups is wrong advice for a scratch database
            return;
        }
        String text = (line.error()
                        ? "ERROR: Flyway: "
                        : where.dialect() == Dialect.POSTGRESQL && line.isPostgresNotice()
                                ? "DEBUG: Flyway: "
                                : "WARNING: Flyway: ")
                + where.mask(FlywayFailures.oneLine(line.text()));
        if (shown.add(text)) {
            console.accept(text);
        }
    }

    /**
     * One configuration per scratch database, and one Flyway instance each for single steps, runs of steps and the
     * callbacks alone: building a configuration (plugin discovery) or an instance (a copy of it) costs more than
     * applying a typical migration.
     */
    private FluentConfiguration configurationFor(ScratchDatabase db) {
        if (configuredFor == db) {
            return configuration;
        }
        if (dataSource != null) {
            dataSource.closeShared();
        }
        dataSource = new SharedConnectionDataSource(db::connect);
        FluentConfiguration config = FlywaySetup.configure(
                        dataSource,
                        db.target().dialect(),
                        placeholders,
                        db.schemaOnly() ? db.name() : null,
                        layout.naming())
                .callbacks(steps.callbacks());
        configuredFor = db;
        configuration = config;
        singleStep = config.resourceProvider(single)
                .validateOnMigrate(false)
                .target(MigrationVersion.NEXT)
                .load();
        steppedRun =
                config.resourceProvider(stepped).target(MigrationVersion.LATEST).load();
        noMigration = config.resourceProvider(none).load();
        return config;
    }

    /**
     * Closes Flyway's connection and keeps its configuration: the scratch database is copied, or restored under the
     * same name; the next call connects again.
     */
    void disconnect() {
        if (dataSource != null) {
            dataSource.closeShared();
        }
    }

    /** Closes Flyway's connection (before its scratch database is dropped). */
    void close() {
        if (dataSource != null) {
            dataSource.closeShared();
            dataSource = null;
        }
        configuredFor = null;
        configuration = null;
        singleStep = null;
        steppedRun = null;
        noMigration = null;
    }

    /**
     * The migration Flyway resolved for the migration a callback is about: its parsed statements (placeholders
     * replaced) and its executor.
     */
    static ResolvedMigration resolvedOf(MigrationInfo info) {
        if (!(info instanceof MigrationInfoImpl impl)) {
            throw new RoundtripException("this Flyway version does not expose the resolved migration to callbacks;"
                    + " use the Flyway version this plugin was built with");
        }
        return impl.getResolvedMigration();
    }

    /**
     * The migrations in {@code fileNames} as Flyway resolves them for a migrate (parsed statements with placeholders
     * replaced, and executors), in order, without applying any: for chain mode's passes through the executors.
     *
     * @throws FlywayException where Flyway cannot resolve them; its migrate would fail the same way
     */
    List<ResolvedMigration> resolve(ScratchDatabase db, Collection<String> fileNames) {
        configurationFor(db);
        stepped.select(fileNames);
        DbTarget where = db.masking();
        try (QuietFlywayLog.Route route = QuietFlywayLog.routeTo(line -> show(line, where))) {
            List<ResolvedMigration> resolved = new ArrayList<>();
            for (MigrationInfo info : steppedRun.info().all()) {
                // applied rows of the history before the chain (Flyway lists them as missing) have none
                ResolvedMigration migration = info.getVersion() == null ? null : resolvedOf(info);
                if (migration != null) {
                    resolved.add(migration);
                }
            }
            return resolved;
        } finally {
            dataSource.reset();
        }
    }

    /** Flyway's configuration on the scratch database: its history table, default schema and installing user. */
    org.flywaydb.core.api.configuration.Configuration configuration(ScratchDatabase db) {
        configurationFor(db);
        return steppedRun.getConfiguration();
    }

    /** Routes Flyway's warnings and errors on this thread to the console, as during a migrate. */
    QuietFlywayLog.Route routeLogs(DbTarget target) {
        return QuietFlywayLog.routeTo(line -> show(line, target));
    }

    /**
     * Applies a resolved migration through Flyway's executor for it, on the given connection and in whatever
     * transaction it is in: the same statements as Flyway's migrate would run, without its bookkeeping (history row,
     * callbacks).
     *
     * @param phase the phase a failure is reported in
     * @return the failure, with file, line and statement, or null
     */
    Failure apply(Phase phase, ResolvedMigration migration, Connection c, String path, DbTarget target) {
        org.flywaydb.core.api.configuration.Configuration config = steppedRun.getConfiguration();
        try (QuietFlywayLog.Route route = QuietFlywayLog.routeTo(line -> show(line, target))) {
            migration.getExecutor().execute(new org.flywaydb.core.api.executor.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return config;
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
            return null;
        } catch (SQLException | RuntimeException e) {
            FlywayException fe = e instanceof FlywayException f ? f : new FlywayException(e.getMessage(), e);
            return failure(phase, path, fe, target);
        }
    }

    /** The failure of a Flyway migrate: the statement with its line and the database's own message. */
    Failure failure(Phase phase, String path, FlywayException e, DbTarget target) {
        return FlywayFailures.of(layout, phase, path, e, target);
    }
}
