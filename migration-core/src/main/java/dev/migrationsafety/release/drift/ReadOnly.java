package dev.migrationsafety.release.drift;

import dev.migrationsafety.database.DbTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection to the target that the database itself keeps from writing (JDBC read-only plus the session's own
 * setting), each of its statements bounded by a time limit.
 */
final class ReadOnly {
    /** Catalogue reads take well under a second; a minute means the catalogue is locked. */
    static final int STATEMENT_SECONDS = 60;

    private ReadOnly() {}

    static Connection connect(DbTarget target) throws SQLException {
        Connection c = target.connect();
        try {
            c.setReadOnly(true);
            try (Statement st = c.createStatement()) {
                switch (target.dialect()) {
                    case POSTGRESQL -> {
                        st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                        st.execute("SET statement_timeout = '" + STATEMENT_SECONDS + "s'");
                    }
                    case MYSQL -> {
                        st.execute("SET SESSION TRANSACTION READ ONLY");
                        limitMariaDb(st);
                    }
                    default -> {
                        // H2 and others: JDBC read-only only
                    }
                }
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** MariaDB's {@code max_statement_time} (seconds); MySQL knows only a limit for SELECTs, in milliseconds. */
    private static void limitMariaDb(Statement st) {
        try {
            st.execute("SET SESSION max_statement_time = " + STATEMENT_SECONDS);
        } catch (SQLException mariaDbOnly) {
            try {
                st.execute("SET SESSION max_execution_time = " + STATEMENT_SECONDS * 1000);
            } catch (SQLException e) {
                // an older server: the catalogue reads run unbounded, as they always did
            }
        }
    }
}
