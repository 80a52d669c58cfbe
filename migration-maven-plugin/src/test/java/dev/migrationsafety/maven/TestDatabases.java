package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.fail;

import dev.migrationsafety.database.DbTarget;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL of the test machines, for the plugin's tests (the core module's helper of the same name is
 * not visible here; the rule is the same): unreachable means skipped with a loud message, or a failure when
 * {@code -Dmigration.it.requireDatabases=true} (as CI sets it).
 */
final class TestDatabases {
    static final String POSTGRES_URL = System.getProperty("it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getProperty("it.postgres.user", "postgres");

    private TestDatabases() {}

    /** Skips (loudly) or fails the calling test when PostgreSQL does not answer. */
    static void requirePostgres() {
        DbTarget target = new DbTarget(POSTGRES_URL, POSTGRES_USER, System.getProperty("it.postgres.password", ""));
        try (Connection c = target.connect()) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "DATABASE UNREACHABLE: " + target + " (" + target.mask(e.getMessage()) + ")";
            if (Boolean.getBoolean("migration.it.requireDatabases")) {
                fail(message + "; migration.it.requireDatabases=true demands it");
            }
            System.err.println("*** SKIPPED: " + message
                    + "; set -Dmigration.it.requireDatabases=true to make this a failure ***");
            Assumptions.abort(message);
        }
    }
}
