package dev.migrationsafety.release.drift;

import dev.migrationsafety.database.DbTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A connection the database itself keeps from writing: JDBC read-only plus the session's own setting. */
final class ReadOnly {
    private ReadOnly() {}

    static Connection connect(DbTarget target) throws SQLException {
        Connection c = target.connect();
        try {
            c.setReadOnly(true);
            String session =
                    switch (target.dialect()) {
                        case POSTGRESQL -> "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
                        case MYSQL -> "SET SESSION TRANSACTION READ ONLY";
                        default -> null;
                    };
            if (session != null) {
                try (Statement st = c.createStatement()) {
                    st.execute(session);
                }
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
