package dev.migrationsafety.database;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * A connection to a live database that cannot write: read-only at the database level (PostgreSQL
 * {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY}, MariaDB/MySQL {@code SET SESSION TRANSACTION READ
 * ONLY}), read-only for the JDBC driver, and every statement bounded by a timeout at the server
 * ({@code statement_timeout}, {@code max_statement_time}, {@code max_execution_time}) and in the driver
 * ({@link Statement#setQueryTimeout}). The session checks that the server took the read-only setting before it is
 * handed out. For the release goals, which point at production.
 */
public final class ReadOnlySession implements AutoCloseable {
    /** The default bound of every statement. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final DbTarget target;
    private final Connection connection;
    private final Dialect dialect;
    private final Duration timeout;
    private final String product;

    private ReadOnlySession(DbTarget target, Connection connection, Duration timeout, String product) {
        this.target = target;
        this.connection = connection;
        this.dialect = target.dialect();
        this.timeout = timeout;
        this.product = product;
    }

    /**
     * Connects and makes the session read-only.
     *
     * @param timeout the bound of every statement, at least one second
     * @throws DatabaseException when the login fails (the message says what failed and how to fix it) or the server
     *     does not take the read-only setting
     */
    public static ReadOnlySession open(DbTarget target, Duration timeout) {
        if (timeout == null || timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the statement timeout must be at least 1s, not " + timeout);
        }
        Connection c;
        try {
            c = target.connect();
        } catch (SQLException e) {
            throw new DatabaseException(ConnectionFailure.connecting(target, target.user(), e));
        }
        try {
            String product = c.getMetaData().getDatabaseProductName();
            ReadOnlySession session = new ReadOnlySession(target, c, timeout, product);
            session.lockDown();
            return session;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new DatabaseException(ConnectionFailure.statement(
                    target,
                    "cannot make the session on " + target.maskedUrl() + " read-only",
                    "only to connect and read",
                    e));
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private void lockDown() throws SQLException {
        long seconds = timeout.toSeconds();
        connection.setAutoCommit(true);
        switch (dialect) {
            case POSTGRESQL -> {
                run("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                run("SET default_transaction_read_only = on");
                run("SET statement_timeout = '" + seconds + "s'");
                run("SET lock_timeout = '" + seconds + "s'");
            }
            case MYSQL -> {
                run("SET SESSION TRANSACTION READ ONLY");
                if (isMariaDb()) {
                    run("SET SESSION max_statement_time = " + seconds);
                } else {
                    run("SET SESSION max_execution_time = " + seconds * 1000);
                }
                run("SET SESSION lock_wait_timeout = " + seconds);
            }
            default -> {
                // H2 and others: the driver's read-only flag and query timeout only
            }
        }
        connection.setReadOnly(true);
        if (!serverSaysReadOnly()) {
            throw new DatabaseException("the server at " + target.maskedUrl() + " did not take the read-only"
                    + " session setting; refusing to go on. Report this with the server's version (" + product
                    + ")");
        }
    }

    private boolean isMariaDb() throws SQLException {
        return product.toLowerCase(Locale.ROOT).contains("mariadb")
                || connection
                        .getMetaData()
                        .getDatabaseProductVersion()
                        .toLowerCase(Locale.ROOT)
                        .contains("mariadb");
    }

    /** Whether the server itself reports the session as read-only. */
    private boolean serverSaysReadOnly() throws SQLException {
        String query =
                switch (dialect) {
                    case POSTGRESQL -> "SHOW transaction_read_only";
                    // MariaDB before 11.1 and MySQL before 5.7.20 name it tx_read_only; SHOW never fails on a name
                    case MYSQL ->
                        "SHOW SESSION VARIABLES WHERE Variable_name IN ('transaction_read_only', 'tx_read_only')";
                    default -> null;
                };
        if (query == null) {
            return true;
        }
        boolean any = false;
        try (Statement st = statement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                String value = rs.getString(dialect == Dialect.MYSQL ? 2 : 1);
                if (!("on".equalsIgnoreCase(value) || "1".equals(value) || "true".equalsIgnoreCase(value))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private void run(String sql) throws SQLException {
        try (Statement st = statement()) {
            st.execute(sql);
        }
    }

    /** The read-only connection. Use {@link #statement()} so that every statement has the timeout. */
    public Connection connection() {
        return connection;
    }

    /** A statement with the session's timeout; the caller closes it. */
    public Statement statement() throws SQLException {
        Statement st = connection.createStatement();
        st.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        return st;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The bound of every statement. */
    public Duration timeout() {
        return timeout;
    }

    /** The user the session logged in as, or null when the URL says. */
    public String user() {
        return target.user();
    }

    /** {@code <masked url>} and the user, never a password. */
    public String describe() {
        return target.toString();
    }

    /** The URL with its password masked. */
    public String maskedUrl() {
        return target.maskedUrl();
    }

    /** Text with the target's passwords hidden, for messages that quote the server. */
    public String mask(String text) {
        return target.mask(text);
    }

    /** A failed query as one line with the statement's purpose, the server's words (masked) and no stack trace. */
    public DatabaseException failure(String doing, SQLException e) {
        return new DatabaseException(doing + " on " + maskedUrl() + ": " + mask(DriverMessages.oneLine(e.getMessage()))
                + (e.getSQLState() != null && e.getSQLState().startsWith("57014")
                        ? " (the statement timeout of " + timeout.toSeconds() + "s ran out; raise"
                                + " migration.statementTimeout if the server is just slow)"
                        : ""));
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing was written; a failed close changes nothing
        }
    }
}
