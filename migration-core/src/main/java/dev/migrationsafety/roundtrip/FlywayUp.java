package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationLayout;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

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
    private ScratchDatabase configuredFor;
    private FluentConfiguration configuration;
    private SharedConnectionDataSource dataSource;
    private static final Pattern MIGRATE_FAILED = Pattern.compile("^Migration of .* failed!");
    private final Consumer<String> console;
    private final Set<String> shown = new HashSet<>();
    private final StepCallbacks steps = new StepCallbacks();

    /**
     * @param console receives Flyway's warnings ({@code WARNING: Flyway: ...}) and errors ({@code ERROR: Flyway:
     *     ...}), passwords masked, each distinct text once (Flyway repeats its version notices on every migrate)
     */
    FlywayUp(MigrationLayout layout, Map<String, String> placeholders, Consumer<String> console) {
        this.layout = layout;
        this.placeholders = placeholders;
        this.console = console;
        this.resources = MigrationResources.of(layout);
        QuietFlywayLog.install();
    }

    /**
     * A migrate that applies no migration (no file has the empty name): only Flyway's migrate callbacks run, and the
     * history table is created, as on a database that is up to date.
     */
    MigrateResult callbacksOnly(ScratchDatabase db) {
        return migrate(db, "latest", resources.only(""));
    }

    /** Migrates the scratch database up to {@code target} ({@code latest} for all). */
    MigrateResult migrate(ScratchDatabase db, String target) {
        return migrate(db, target, resources);
    }

    /**
     * Applies the versioned migrations in {@code fileNames} (Flyway sees only those and the callbacks) with step
     * mode's handler called around each up (see {@link StepCallbacks}).
     */
    MigrateResult migrateInSteps(
            ScratchDatabase db, java.util.Set<String> fileNames, String target, StepCallbacks.Handler handler) {
        steps.use(handler);
        try {
            return migrate(db, target, resources.only(fileNames));
        } finally {
            steps.use(null);
        }
    }

    /**
     * Applies exactly one versioned migration, the next one: Flyway sees only that file (and the callbacks and
     * repeatables), so it neither re-reads nor re-validates the history already applied.
     */
    MigrateResult migrateOne(ScratchDatabase db, String target, String fileName) {
        return migrate(db, target, resources.only(fileName));
    }

    private MigrateResult migrate(ScratchDatabase db, String target, MigrationResources files) {
        FluentConfiguration config = configurationFor(db);
        config.resourceProvider(files).validateOnMigrate(!files.restricted()).target(target);
        DbTarget where = db.target();
        try (QuietFlywayLog.Route route = QuietFlywayLog.routeTo(line -> show(line, where))) {
            return config.load().migrate();
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
        String text = (line.error() ? "ERROR: Flyway: " : "WARNING: Flyway: ") + where.mask(oneLine(line.text()));
        if (shown.add(text)) {
            console.accept(text);
        }
    }

    /** One configuration per scratch database: building one (plugin discovery) costs more than a migration. */
    private FluentConfiguration configurationFor(ScratchDatabase db) {
        if (configuredFor == db) {
            return configuration;
        }
        if (dataSource != null) {
            dataSource.closeShared();
        }
        dataSource = new SharedConnectionDataSource(db.target());
        FluentConfiguration config = Flyway.configure(FlywayUp.class.getClassLoader())
                .dataSource(dataSource)
                .placeholders(placeholders)
                .cleanDisabled(true)
                .loggers(QuietFlywayLog.class.getName())
                .callbacks(steps.callbacks());
        // Flyway's transactional advisory lock makes CREATE INDEX CONCURRENTLY wait forever for Flyway's own lock
        // transaction; a scratch database has no concurrent migrator to lock out.
        PostgreSQLConfigurationExtension pg = config.getConfigurationExtension(PostgreSQLConfigurationExtension.class);
        if (pg != null) {
            pg.setTransactionalLock(false);
        }
        if (db.schemaOnly()) {
            config.defaultSchema(db.name()).schemas(db.name()).createSchemas(false);
        }
        configuredFor = db;
        configuration = config;
        return config;
    }

    /** Closes Flyway's connection (before its scratch database is dropped). */
    void close() {
        if (dataSource != null) {
            dataSource.closeShared();
            dataSource = null;
        }
        configuredFor = null;
        configuration = null;
    }

    /** The failure of a Flyway migrate: the statement with its line and the database's own message. */
    Failure failure(Phase phase, String path, FlywayException e, DbTarget target) {
        Failure f = rawFailure(phase, path, e, target);
        String base = layout.baseDir().toString() + java.io.File.separator;
        return new Failure(
                f.phase(), f.path(), f.line(), f.statement(), f.error().replace(base, ""));
    }

    private Failure rawFailure(Phase phase, String path, FlywayException e, DbTarget target) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywaySqlScriptException s) {
                return new Failure(
                        phase, path, s.getLineNumber(), shorten(s.getStatement()), target.mask(sqlMessage(s)));
            }
        }
        if (e instanceof FlywayMigrateException m && m.getLineNumber() > 0) {
            return new Failure(phase, path, m.getLineNumber(), null, target.mask(firstLines(e.getMessage())));
        }
        return new Failure(phase, path, 0, null, target.mask(firstLines(e.getMessage())));
    }

    static String displayOf(MigrationLayout layout, String absolutePath) {
        return absolutePath == null ? null : layout.display(Path.of(absolutePath));
    }

    private static String sqlMessage(Throwable t) {
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return oneLine(sql.getMessage());
            }
        }
        return firstLines(t.getMessage());
    }

    static String oneLine(String message) {
        // the MariaDB driver prefixes its connection id, which differs from run to run
        return message == null
                ? ""
                : message.replaceAll("\\s*\\R\\s*", " ")
                        .replaceFirst("^\\(conn=\\d+\\) ", "")
                        .strip();
    }

    private static String firstLines(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.strip().split("\\R");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("---") || line.startsWith("Location")) {
                continue;
            }
            out.append(out.isEmpty() ? "" : " ").append(line.strip());
            if (out.length() > 300) {
                break;
            }
        }
        return out.toString();
    }

    static String shorten(String sql) {
        if (sql == null) {
            return null;
        }
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }
}
