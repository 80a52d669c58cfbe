package dev.migrationsafety.release.leftovers;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * What a half-finished deploy leaves behind on the target, read-only: constraints still {@code NOT VALID}
 * ({@code not-valid-constraint}), invalid indexes ({@code invalid-index}, e.g. from a failed
 * {@code CREATE INDEX CONCURRENTLY}) and foreign keys with orphan rows ({@code orphan-rows}, a bounded check per
 * foreign key). On MariaDB/MySQL only the orphan-row check applies; the result names what was not checked.
 */
public final class DeployLeftovers {
    /** The path every finding carries: the database, not a file. */
    public static final String PATH = "database";

    private final LeftoverOptions options;

    public DeployLeftovers(LeftoverOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Checks the target over the caller's connection, which it only reads (and leaves open).
     *
     * @throws LeftoverException when the catalogue cannot be read; the message says how to fix it
     */
    public LeftoverResult check(Connection target) {
        Dialect dialect;
        try {
            dialect = Dialect.ofJdbcUrl(target.getMetaData().getURL());
        } catch (SQLException e) {
            throw new LeftoverException(
                    "cannot read the target's connection: " + DriverMessages.oneLine(e.getMessage()), e);
        }
        try {
            return switch (dialect) {
                case POSTGRESQL -> PostgresLeftovers.check(target, options);
                case MYSQL -> MariaDbLeftovers.check(target, options);
                default ->
                    new LeftoverResult(
                            List.of(),
                            List.of("deploy leftovers: not checked, the target is " + dialect.id()
                                    + "; the checks are PostgreSQL's and MariaDB/MySQL's"));
            };
        } catch (SQLException e) {
            throw new LeftoverException(
                    "cannot read the target's catalogue for deploy leftovers: "
                            + DriverMessages.oneLine(e.getMessage())
                            + "; check that the account may read pg_catalog (PostgreSQL) or information_schema"
                            + " (MariaDB/MySQL)",
                    e);
        }
    }
}
