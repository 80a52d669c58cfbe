package dev.migrationsafety.database;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Gives Flyway one open connection to the scratch database for all its migrate calls instead of a new one each
 * time (opening a connection and Flyway's set-up on it cost more than applying a typical migration); Flyway's
 * {@code close()} is ignored, {@link #reset()} ends a transaction Flyway left open, {@link #closeShared()} really
 * closes it.
 */
public final class SharedConnectionDataSource implements DataSource, AutoCloseable {
    /** Opens a connection. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private Connection shared;

    public SharedConnectionDataSource(Connector connector) {
        this.connector = connector;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (shared == null || shared.isClosed()) {
            shared = connector.connect();
        }
        Connection real = shared;
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            return null;
                        }
                        case "isClosed" -> {
                            return real.isClosed();
                        }
                        default -> {
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /** After a Flyway call: leaves the connection out of any transaction Flyway left open (a failed one). */
    public synchronized void reset() {
        try {
            if (shared != null && !shared.isClosed() && !shared.getAutoCommit()) {
                shared.rollback();
                shared.setAutoCommit(true);
            }
        } catch (SQLException e) {
            closeShared();
        }
    }

    public synchronized void closeShared() {
        try {
            if (shared != null) {
                shared.close();
            }
        } catch (SQLException e) {
            // the scratch database is dropped next
        }
        shared = null;
    }

    @Override
    public void close() {
        closeShared();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
