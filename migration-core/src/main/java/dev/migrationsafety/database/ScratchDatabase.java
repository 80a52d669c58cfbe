package dev.migrationsafety.database;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.SchemaObject;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.catalog.postgres.PostgresChangeLog;
import dev.migrationsafety.sql.Dialect;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A database created for one round trip, with a recognisable unique name ({@code migration_rt_<utc time>_<random>}),
 * and dropped at the end: by {@link #close()}, or by a shutdown hook when the build is interrupted. On a server the
 * migrations run as a throwaway account that may act only inside it ({@link SandboxRole}); {@link #target()} logs in
 * as that account, and the privileged one is used only to create and drop the database and the account and to
 * prepare what needs its rights, before any script runs. The run holds a lock named after the database for its whole
 * life ({@link RunLock}); leftovers of killed runs are dropped once their lock is free and nobody is connected to
 * them, so parallel runs are never disturbed. Without the sandbox, where the account may not create databases
 * (PostgreSQL), a scratch schema in the target database is used instead.
 */
public final class ScratchDatabase implements AutoCloseable {
    public static final String PREFIX = "migration_rt_";
    static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{14})_[a-z0-9]{6}");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DbTarget admin;
    private final DbTarget target;
    private final String name;
    private final boolean schemaOnly;
    /** The privileged session that holds the run's lock for the scratch database's life; null on H2. */
    private final Connection session;
    /** The account the scripts run as; null without the sandbox. */
    private final SandboxRole role;

    private final Thread hook;
    private boolean dropped;
    /** The extensions the privileged account created: part of the starting point, not the template's leftovers. */
    private List<String> prepared = List.of();
    /** The copy step mode restores after a migration that left the database in an unknown state; null if none. */
    private ScratchCheckpoint checkpoint;

    ScratchDatabase(
            DbTarget admin, DbTarget target, String name, boolean schemaOnly, Connection session, SandboxRole role) {
        this.admin = admin;
        this.target = target;
        this.name = name;
        this.schemaOnly = schemaOnly;
        this.session = session;
        this.role = role;
        this.hook = new Thread(this::dropQuietly, "migration-roundtrip-cleanup");
    }

    /** A fresh unique name for a scratch database. */
    public static String newName(Instant now) {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            random.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return PREFIX + STAMP.format(now.atOffset(ZoneOffset.UTC)) + "_" + random;
    }

    /**
     * Creates a scratch database on the server of {@code admin}.
     *
     * @deprecated leftovers are no longer dropped by age: use {@link #create(DbTarget, ScratchSettings, Consumer)}
     */
    @Deprecated(forRemoval = true)
    public static ScratchDatabase create(
            DbTarget admin, Duration leftoverAge, boolean allowNonEmpty, Consumer<String> log) {
        return create(admin, ScratchSettings.defaults().withAllowNonEmpty(allowNonEmpty), log);
    }

    /**
     * Creates a scratch database on the server of {@code admin}, after dropping the leftovers of runs that are gone
     * ({@link ScratchLeftovers}). With the sandbox on, the scripts run as a throwaway account that owns the scratch
     * database and may do nothing outside it ({@link SandboxRole}): {@code admin} creates and drops the database and
     * the account, and prepares what needs its rights (extensions, the change log's event triggers), all before any
     * script runs. With the sandbox off, where the account may not create databases (PostgreSQL), a scratch schema
     * in the target database is used instead.
     *
     * @param log receives one line per leftover dropped and where the scratch lives
     */
    public static ScratchDatabase create(DbTarget admin, ScratchSettings settings, Consumer<String> log) {
        return ScratchCreation.create(admin, settings, log);
    }

    /** The warning for a run without the sandbox, naming the account whose rights the scripts get. */
    public static String sandboxOffWarning(DbTarget admin) {
        String who =
                admin.user() == null || admin.user().isEmpty() ? "the account of " + admin.maskedUrl() : admin.user();
        return "The sandbox is off (sandbox / migration.sandbox=false): the migrations and down scripts run with the"
                + " full rights of " + who + " on " + admin.maskedUrl() + ", and can do anything " + who + " can on"
                + " that server; turn it off only for a pipeline whose migrations you trust";
    }

    /**
     * What the privileged connection prepares in the new, still empty scratch database before any script runs: the
     * extensions asked for, created as {@code admin} (owned by it, so that the scripts cannot drop or change them).
     */
    void prepare(List<String> extensions) throws SQLException {
        if (extensions.isEmpty()) {
            return;
        }
        prepared = extensions;
        try (Connection c = scratchAsAdmin();
                Statement st = c.createStatement()) {
            for (String e : extensions) {
                try {
                    st.execute("CREATE EXTENSION IF NOT EXISTS \"" + e + "\"" + (schemaOnly ? " SCHEMA " + name : ""));
                } catch (SQLException failed) {
                    throw new DatabaseException(
                            "cannot create extension " + e + " in the scratch database as "
                                    + ScratchCreation.userOf(admin, session) + ": "
                                    + admin.mask(DriverMessages.oneLine(failed.getMessage()))
                                    + "; check the name in extensions (migration.extensions) and that the server has it"
                                    + " installed",
                            failed);
                }
            }
        }
    }

    /** The privileged account on the scratch database (or, for a scratch schema, the target database). */
    private Connection scratchAsAdmin() throws SQLException {
        return (schemaOnly ? admin : admin.withDatabase(name)).connect();
    }

    /**
     * Installs the change log of the incremental snapshots ({@link PostgresChangeLog}) as the privileged account,
     * before any script runs; the sandbox role gets only what taking snapshots needs.
     *
     * @param refused told why, where the account may not create event triggers
     * @return whether it was installed
     */
    public boolean installChangeLog(Consumer<String> refused) throws SQLException {
        if (role == null) {
            try (Connection c = connect()) {
                return PostgresChangeLog.install(c, null, refused);
            }
        }
        Connection c;
        try {
            c = scratchAsAdmin();
        } catch (SQLException e) {
            refused.accept(DriverMessages.oneLine(e.getMessage()));
            return false;
        }
        try (c) {
            return PostgresChangeLog.install(c, role.name(), refused);
        }
    }

    /**
     * Copies the database as it is now, to {@link #restoreCheckpoint() restore} it later; the copy is dropped with it.
     * Only a PostgreSQL scratch database (not a scratch schema) can be copied, and only while no session is connected
     * to it.
     *
     * @return whether the copy was taken
     */
    public synchronized boolean checkpoint() {
        if (dropped || session == null || schemaOnly || target.dialect() != Dialect.POSTGRESQL) {
            return false;
        }
        try {
            if (checkpoint != null) {
                checkpoint.drop(session);
                checkpoint = null;
            }
            checkpoint = ScratchCheckpoint.take(session, name);
            return true;
        } catch (SQLException e) {
            // the account may not copy it (not its owner): replaying the migrations still works
            return false;
        }
    }

    /**
     * Replaces the database with a copy of its {@link #checkpoint()}; sessions still connected to it are ended.
     *
     * @return whether it was restored; if not, the database may be gone and must not be used any more
     */
    public synchronized boolean restoreCheckpoint() {
        if (checkpoint == null || dropped) {
            return false;
        }
        try {
            checkpoint.restore(session, name, role);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    void register() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void requireEmpty() {
        try (Connection c = connect()) {
            SchemaSnapshot s = SnapshotReader.forDialect(target.dialect()).read(c);
            List<SchemaObject> objects = new ArrayList<>(s.all());
            objects.removeIf(o ->
                    o.kind() == ObjectKind.EXTENSION && (o.name().equals("plpgsql") || prepared.contains(o.name())));
            if (schemaOnly) {
                objects.removeIf(o -> !o.name().startsWith(name + "."));
            }
            if (!objects.isEmpty()) {
                close();
                throw new DatabaseException("the scratch database " + name + " is not empty when created: it holds "
                        + objects.get(0).describe()
                        + (objects.size() > 1 ? " and " + (objects.size() - 1) + " more" : "")
                        + " (copied from the server's template); clean the template, or set allowNonEmptyTarget"
                        + " (migration.allowNonEmptyTarget) to compare against it as the starting point");
            }
        } catch (SQLException e) {
            close();
            throw new DatabaseException(
                    "cannot read the scratch database " + name + ": " + admin.mask(e.getMessage()), e);
        } catch (DatabaseException e) {
            close();
            throw e;
        }
    }

    /** The H2 in-memory URL for a dialect's compatibility mode, to pass as {@code admin} for zero-config runs. */
    public static DbTarget h2For(Dialect dialect) {
        String mode =
                switch (dialect) {
                    case POSTGRESQL -> ";MODE=PostgreSQL";
                    case MYSQL -> ";MODE=MySQL";
                    default -> "";
                };
        return new DbTarget("jdbc:h2:mem:unused" + mode, "sa", "");
    }

    public String name() {
        return name;
    }

    /** Where the round trip works: the scratch database (or the target database with the scratch schema). */
    public DbTarget target() {
        return target;
    }

    /**
     * What output about this database is masked with: the configured account, whose password must never show. The
     * sandbox account's password is random, used for this database only, and appears in nothing a script or the
     * server can echo.
     */
    public DbTarget masking() {
        return admin;
    }

    /** Whether a scratch schema is used because databases could not be created. */
    public boolean schemaOnly() {
        return schemaOnly;
    }

    /**
     * A session on the scratch database. On PostgreSQL:
     *
     * <ul>
     *   <li>its commits do not wait for the WAL flush ({@code synchronous_commit = off}): a scratch database need
     *       not survive a server crash, and the round trip commits at least once per up and per down, each flush
     *       costing more than a typical migration's DDL. Each commit is still atomic and visible at once;
     *   <li>its prepared statements are planned once ({@code plan_cache_mode = force_generic_plan}): step mode's
     *       snapshot query, run on the round trip's session and on Flyway's, costs more to plan than to run, and
     *       with array parameters PostgreSQL would otherwise plan it anew each time. The migrations' own statements
     *       carry no parameters and are planned as always. PostgreSQL before 12 lacks the setting.
     * </ul>
     */
    public Connection connect() throws SQLException {
        Connection c;
        try {
            c = target.connect();
        } catch (SQLException e) {
            throw new DatabaseException(admin.mask(cannotConnect(e)), e);
        }
        if (target.dialect() == Dialect.POSTGRESQL) {
            try (Statement st = c.createStatement()) {
                st.execute("SET synchronous_commit TO off");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET plan_cache_mode = force_generic_plan");
            } catch (SQLException e) {
                // an older server: slower snapshots, same results
            }
        }
        return c;
    }

    /** Why the scratch database cannot be reached, as the sandbox account or (sandbox off) the configured one. */
    private String cannotConnect(SQLException e) {
        if (role == null || ConnectionFailure.kind(e) != ConnectionFailure.Kind.LOGIN) {
            return ConnectionFailure.connecting(target, target.user(), e);
        }
        return "cannot connect to the scratch database " + name + " at " + ConnectionFailure.hostPort(target.url())
                + " as " + role.name() + ", the sandbox role made for this run: the server refused the login ("
                + target.mask(DriverMessages.oneLine(e.getMessage())) + ") although it let "
                + ScratchCreation.userOf(admin, session) + " create it; let it log in"
                + (target.dialect() == Dialect.POSTGRESQL
                        ? " (pg_hba.conf: host sameuser all <address> scram-sha-256, as the role and its database"
                                + " share a name) and reload the server"
                        : " from where this build runs")
                + ", or, only for a pipeline whose migrations you trust, set sandbox (migration.sandbox) to false";
    }

    /** Drops the scratch database; idempotent. */
    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook itself is dropping
        }
        drop();
    }

    private synchronized void dropQuietly() {
        if (!dropped) {
            drop();
        }
    }

    private void drop() {
        dropped = true;
        if (target.dialect() == Dialect.H2) {
            try (Connection c = target.connect();
                    Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new DatabaseException("could not drop the scratch database " + name + ": " + e.getMessage(), e);
            }
            return;
        }
        try (Statement st = session.createStatement()) {
            if (checkpoint != null) {
                // first: it holds objects of the sandbox role, which cannot be dropped while they exist
                checkpoint.drop(session);
                checkpoint = null;
            }
            // the run's own database, at its end: sessions left in it are its own
            ScratchLeftovers.dropNamed(st, admin.dialect(), name, schemaOnly, true);
            if (role != null) {
                role.drop(session);
            }
            RunLock.release(session, admin.dialect(), name);
        } catch (SQLException e) {
            throw new DatabaseException(
                    "could not drop the scratch database " + name + (role == null ? "" : " and its role") + ": "
                            + admin.mask(e.getMessage())
                            + "; the next round trip on this server drops it, its run being gone",
                    e);
        } finally {
            closeQuietly(session);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the server ends the session, and with it the run's lock
        }
    }
}
