package dev.migrationsafety.database;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The real servers of the test machines. A test that needs one calls {@link #require}: when the server is
 * unreachable the test is skipped with a loud message, or fails when {@code -Dmigration.it.requireDatabases=true}
 * (as CI sets it).
 */
public final class TestDatabases {
    public static final DbTarget POSTGRES = new DbTarget(
            System.getProperty("it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"),
            System.getProperty("it.postgres.user", "postgres"),
            System.getProperty("it.postgres.password", ""));
    public static final DbTarget MARIADB = new DbTarget(
            System.getProperty("it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test"),
            System.getProperty("it.mariadb.user", "root"),
            System.getProperty("it.mariadb.password", ""));

    private TestDatabases() {}

    public static boolean required() {
        return Boolean.getBoolean("migration.it.requireDatabases");
    }

    /** Returns the target when it answers; otherwise skips (loudly) or fails the calling test. */
    public static DbTarget require(DbTarget target) {
        try (Connection c = target.connect()) {
            c.isValid(2);
            return target;
        } catch (SQLException e) {
            String message = "DATABASE UNREACHABLE: " + target + " (" + target.mask(e.getMessage()) + ")";
            if (required()) {
                fail(message + "; migration.it.requireDatabases=true demands it");
            }
            System.err.println("*** SKIPPED: " + message
                    + "; set -Dmigration.it.requireDatabases=true to make this a failure ***");
            Assumptions.abort(message);
            return target;
        }
    }
}
