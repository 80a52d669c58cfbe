package dev.migrationsafety.database;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link ScratchDatabase} comes to be: on H2 in memory; on a server, after taking the run's lock and dropping
 * the leftovers of runs that are gone, with the sandbox account that owns it, or (sandbox off) for the configured
 * account, falling back to a scratch schema where it may not create databases.
 */
public final class ScratchCreation {
    private ScratchCreation() {}

    static ScratchDatabase create(DbTarget admin, ScratchSettings settings, Consumer<String> log) {
        Dialect dialect = admin.dialect();
        if (dialect == Dialect.H2) {
            // our own in-process database: nothing outside it to protect
            String name = ScratchDatabase.newName(Instant.now());
            String mode = h2Mode(admin.url());
            DbTarget mem =
                    new DbTarget("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + mode, admin.user(), admin.password());
            ScratchDatabase scratch = new ScratchDatabase(mem, mem, name, false, null, null);
            scratch.register();
            return scratch;
        }
        if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MYSQL) {
            throw new DatabaseException("the round trip cannot create a scratch database on " + admin.maskedUrl()
                    + "; use a PostgreSQL, MariaDB/MySQL or H2 URL");
        }
        if (!settings.extensions().isEmpty() && dialect != Dialect.POSTGRESQL) {
            throw new DatabaseException("extensions (migration.extensions) are PostgreSQL's; the round trip runs on "
                    + admin.maskedUrl() + ": remove the parameter");
        }
        String name = ScratchDatabase.newName(Instant.now());
        Connection session;
        try {
            session = admin.connect();
        } catch (SQLException e) {
            throw new DatabaseException(ConnectionFailure.connecting(admin, admin.user(), e), e);
        }
        ScratchDatabase scratch = null;
        try {
            // taken before the database exists: a scratch database whose lock is free belongs to a run that is gone
            RunLock.take(session, dialect, name);
            ScratchLeftovers.drop(session, dialect, log);
            scratch = settings.sandbox()
                    ? sandboxed(admin, session, name, settings, log)
                    : unsandboxed(admin, session, name, settings, log);
        } catch (SQLException e) {
            ScratchDatabase.closeQuietly(session);
            String rights = settings.sandbox()
                    ? rightsNeeded(dialect)
                    : dialect == Dialect.POSTGRESQL
                            ? "CREATEDB (or CREATE on the database of the url, for a scratch schema)"
                            : "CREATE on the scratch databases: GRANT ALL ON `migration\\_rt\\_%`.*";
            throw new DatabaseException(
                    ConnectionFailure.statement(admin, "cannot create a scratch database on " + admin, rights, e), e);
        } catch (RuntimeException e) {
            ScratchDatabase.closeQuietly(session);
            throw e;
        }
        if (!settings.allowNonEmpty()) {
            scratch.requireEmpty();
        }
        return scratch;
    }

    private static ScratchDatabase sandboxed(
            DbTarget admin, Connection session, String name, ScratchSettings settings, Consumer<String> log)
            throws SQLException {
        Dialect dialect = admin.dialect();
        String who = userOf(admin, session);
        SandboxRole role;
        try {
            role = SandboxRole.create(session, dialect, name);
        } catch (SQLException e) {
            if (!ConnectionFailure.wantsRights(e)) {
                throw new DatabaseException(
                        ConnectionFailure.statement(
                                admin, "cannot create the round trip's sandbox account as " + who, "", e),
                        e);
            }
            throw new DatabaseException("cannot create the round trip's sandbox "
                    + (dialect == Dialect.POSTGRESQL ? "role" : "user") + " as " + who + " ("
                    + admin.mask(DriverMessages.oneLine(e.getMessage())) + "); the migrations and down scripts run as"
                    + " a throwaway account that may act only inside the scratch database, and " + who
                    + " needs the rights to make it: " + rightsNeeded(dialect)
                    + ". Only for a pipeline whose migrations you trust: set sandbox (migration.sandbox) to false");
        }
        ScratchDatabase scratch = null;
        try (Statement st = session.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            scratch = new ScratchDatabase(admin, role.target(admin, name), name, false, session, role);
            scratch.register();
            scratch.prepare(settings.extensions());
            role.own(session, name);
        } catch (SQLException | RuntimeException e) {
            if (scratch != null) {
                scratch.close();
            } else {
                try {
                    role.drop(session);
                } catch (SQLException dropFailed) {
                    e.addSuppressed(dropFailed);
                }
            }
            if (e instanceof SQLException sql && !ConnectionFailure.wantsRights(sql)) {
                throw new DatabaseException(
                        ConnectionFailure.statement(admin, "cannot create a scratch database as " + who, "", sql), sql);
            }
            if (e instanceof SQLException sql) {
                throw new DatabaseException(
                        "cannot create a scratch database as " + who + ": "
                                + admin.mask(DriverMessages.oneLine(sql.getMessage())) + "; " + who + " needs "
                                + rightsNeeded(dialect)
                                + ". Only for a pipeline whose migrations you trust: set sandbox"
                                + " (migration.sandbox) to false",
                        sql);
            }
            throw (RuntimeException) e;
        }
        log.accept("Created scratch database " + name + "; it is dropped at the end");
        log.accept("The migrations run there as " + role.name() + ", a "
                + (dialect == Dialect.POSTGRESQL ? "role" : "user")
                + " made for this run that may act only inside it (the sandbox); it is dropped at the end too");
        return scratch;
    }

    private static String rightsNeeded(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL
                ? "CREATEDB and CREATEROLE (or superuser, which also lets step mode read only what each migration"
                        + " changed)"
                : "ALL PRIVILEGES ON `migration\\_rt\\_%`.* WITH GRANT OPTION, and CREATE USER";
    }

    private static ScratchDatabase unsandboxed(
            DbTarget admin, Connection session, String name, ScratchSettings settings, Consumer<String> log)
            throws SQLException {
        Dialect dialect = admin.dialect();
        boolean schemaOnly = false;
        try (Statement st = session.createStatement()) {
            try {
                st.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (dialect != Dialect.POSTGRESQL) {
                    throw e;
                }
                st.execute("CREATE SCHEMA " + name);
                schemaOnly = true;
                log.accept("Cannot create a database as " + userOf(admin, session) + " (" + admin.mask(e.getMessage())
                        + "); using scratch schema " + name + " instead");
            }
        }
        DbTarget target = schemaOnly
                ? new DbTarget(withParam(admin.url(), "currentSchema=" + name), admin.user(), admin.password())
                : admin.withDatabase(name);
        ScratchDatabase scratch = new ScratchDatabase(admin, target, name, schemaOnly, session, null);
        scratch.register();
        try {
            scratch.prepare(settings.extensions());
        } catch (SQLException | RuntimeException e) {
            scratch.close();
            throw e;
        }
        log.accept(
                "Created scratch " + (schemaOnly ? "schema " : "database ") + name + "; it is dropped at the" + " end");
        return scratch;
    }

    /** The configured user, else the one the driver logged in as (a user given only in the URL). */
    static String userOf(DbTarget admin, Connection session) {
        if (admin.user() != null && !admin.user().isEmpty()) {
            return admin.user();
        }
        try {
            return session.getMetaData().getUserName();
        } catch (SQLException e) {
            return "the account of " + admin.maskedUrl();
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
}
