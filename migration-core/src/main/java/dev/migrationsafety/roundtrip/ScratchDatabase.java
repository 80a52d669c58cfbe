package dev.migrationsafety.roundtrip;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database created for one round trip, with a recognisable unique name ({@code migration_rt_<utc time>_<random>}),
 * and dropped at the end: by {@link #close()}, or by a shutdown hook when the build is interrupted. Leftovers of
 * killed runs are dropped by name when they are older than a few minutes, so parallel runs are not disturbed.
 * Where the account may not create databases (PostgreSQL), a scratch schema in the target database is used instead.
 * Nothing outside the scratch database or schema is ever touched.
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
    private final Thread hook;
    private boolean dropped;

    private ScratchDatabase(DbTarget admin, DbTarget target, String name, boolean schemaOnly) {
        this.admin = admin;
        this.target = target;
        this.name = name;
        this.schemaOnly = schemaOnly;
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
     * Creates a scratch database on the server of {@code admin} (or, where databases cannot be created, a scratch
     * schema in it), after dropping leftovers older than {@code leftoverAge}.
     *
     * @param allowNonEmpty go on when the new database is not empty (e.g. PostgreSQL's template1 holds objects)
     * @param log receives one line per leftover dropped and where the scratch lives
     */
    public static ScratchDatabase create(
            DbTarget admin, Duration leftoverAge, boolean allowNonEmpty, Consumer<String> log) {
        Dialect dialect = admin.dialect();
        if (dialect == Dialect.H2) {
            String name = newName(Instant.now());
            String mode = h2Mode(admin.url());
            DbTarget mem =
                    new DbTarget("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + mode, admin.user(), admin.password());
            ScratchDatabase scratch = new ScratchDatabase(mem, mem, name, false);
            scratch.register();
            return scratch;
        }
        if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MYSQL) {
            throw new RoundtripException("the round trip cannot create a scratch database on " + admin.maskedUrl()
                    + "; use a PostgreSQL, MariaDB/MySQL or H2 URL");
        }
        String name = newName(Instant.now());
        ScratchDatabase scratch;
        try (Connection c = admin.connect();
                Statement st = c.createStatement()) {
            ScratchLeftovers.drop(c, dialect, leftoverAge, log);
            boolean schemaOnly = false;
            try {
                st.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (dialect != Dialect.POSTGRESQL) {
                    throw e;
                }
                st.execute("CREATE SCHEMA " + name);
                schemaOnly = true;
                log.accept("Cannot create a database as " + admin.user() + " (" + admin.mask(e.getMessage())
                        + "); using scratch schema " + name + " instead");
            }
            DbTarget target = schemaOnly
                    ? new DbTarget(withParam(admin.url(), "currentSchema=" + name), admin.user(), admin.password())
                    : admin.withDatabase(name);
            scratch = new ScratchDatabase(admin, target, name, schemaOnly);
            scratch.register();
            log.accept("Created scratch " + (schemaOnly ? "schema " : "database ") + name + "; it is dropped at the"
                    + " end");
        } catch (SQLException e) {
            throw new RoundtripException(
                    "cannot create a scratch database on " + admin + ": "
                            + admin.mask(e.getMessage())
                            + "; the account needs CREATE DATABASE (or CREATE on the database for a scratch schema)",
                    e);
        }
        if (!allowNonEmpty) {
            scratch.requireEmpty();
        }
        return scratch;
    }

    private void register() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void requireEmpty() {
        try (Connection c = connect()) {
            SchemaSnapshot s = SnapshotReader.forDialect(target.dialect()).read(c);
            List<SchemaObject> objects = new ArrayList<>(s.all());
            objects.removeIf(o -> o.kind() == ObjectKind.EXTENSION && o.name().equals("plpgsql"));
            if (schemaOnly) {
                objects.removeIf(o -> !o.name().startsWith(name + "."));
            }
            if (!objects.isEmpty()) {
                close();
                throw new RoundtripException("the scratch database " + name + " is not empty when created: it holds "
                        + objects.get(0).describe()
                        + (objects.size() > 1 ? " and " + (objects.size() - 1) + " more" : "")
                        + " (copied from the server's template); clean the template, or set allowNonEmptyTarget"
                        + " (migration.allowNonEmptyTarget) to compare against it as the starting point");
            }
        } catch (SQLException e) {
            close();
            throw new RoundtripException(
                    "cannot read the scratch database " + name + ": " + target.mask(e.getMessage()), e);
        }
    }

    private static String h2Mode(String url) {
        Matcher m = Pattern.compile("(?i);MODE=[^;]*").matcher(url);
        String mode = m.find() ? m.group() : "";
        return mode + (mode.isEmpty() ? "" : ";DATABASE_TO_LOWER=TRUE");
    }

    private static String withParam(String url, String param) {
        return url + (url.contains("?") ? "&" : "?") + param;
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
        Connection c = target.connect();
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
        try {
            if (target.dialect() == Dialect.H2) {
                try (Connection c = target.connect();
                        Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
                return;
            }
            try (Connection c = admin.connect();
                    Statement st = c.createStatement()) {
                ScratchLeftovers.dropNamed(st, admin.dialect(), name, schemaOnly);
            }
        } catch (SQLException e) {
            throw new RoundtripException(
                    "could not drop the scratch database " + name + ": " + admin.mask(e.getMessage())
                            + "; the next round trip drops it once it is 30 minutes old",
                    e);
        }
    }
}
