package dev.migrationsafety.flyway;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * The Flyway configuration every apply on a scratch database starts from, shared by the round trip and the drift
 * replay so that both run the migrations exactly as Flyway does in production: the project's placeholders, clean
 * disabled, Flyway's output through {@link QuietFlywayLog}, no classpath scan for Java migrations, and no
 * transactional advisory lock on PostgreSQL. Callers add their resource provider, target and callbacks.
 */
public final class FlywaySetup {
    private FlywaySetup() {}

    /**
     * The base configuration.
     *
     * @param dataSource the scratch database's connections
     * @param dialect the scratch database's dialect
     * @param placeholders Flyway placeholders for the migrations
     * @param scratchSchema the scratch schema Flyway works in (where no scratch database could be created), or null
     */
    public static FluentConfiguration configure(
            DataSource dataSource, Dialect dialect, Map<String, String> placeholders, String scratchSchema) {
        return configure(dataSource, dialect, placeholders, scratchSchema, FlywayNaming.DEFAULT);
    }

    /** The same, with the project's file naming, so that Flyway reads the same files as the rules and the runner. */
    public static FluentConfiguration configure(
            DataSource dataSource,
            Dialect dialect,
            Map<String, String> placeholders,
            String scratchSchema,
            FlywayNaming naming) {
        FluentConfiguration config = Flyway.configure(FlywaySetup.class.getClassLoader())
                .dataSource(dataSource)
                .placeholders(placeholders)
                .sqlMigrationPrefix(naming.prefix())
                .sqlMigrationSeparator(naming.separator())
                .sqlMigrationSuffixes(naming.suffixes().toArray(String[]::new))
                .repeatableSqlMigrationPrefix(naming.repeatablePrefix())
                .cleanDisabled(true)
                .loggers(QuietFlywayLog.class.getName())
                // the migrations are the SQL files of the resource provider; without a class provider Flyway would
                // scan its class loader's classpath:db/migration for Java migrations on every migrate, and the
                // plugin's class loader holds none of the project's classes
                .javaMigrationClassProvider(Collections::emptyList);
        // Flyway's transactional advisory lock makes CREATE INDEX CONCURRENTLY wait forever for Flyway's own lock
        // transaction; a scratch database has no concurrent migrator to lock out.
        PostgreSQLConfigurationExtension pg = config.getConfigurationExtension(PostgreSQLConfigurationExtension.class);
        if (pg != null) {
            pg.setTransactionalLock(false);
        }
        if (scratchSchema != null) {
            config.defaultSchema(scratchSchema).schemas(scratchSchema).createSchemas(false);
        }
        postgresSession(dataSource, dialect, config);
        return config;
    }

    /**
     * On PostgreSQL, tells Flyway what it would otherwise ask on every migrate call (once per single step): the
     * {@code current_user} it writes as {@code installed_by} and the {@code current_schema} it takes as its default
     * schema (unless a scratch schema is set), both read once on Flyway's own connection. Left to Flyway when they
     * cannot be read.
     */
    private static void postgresSession(DataSource dataSource, Dialect dialect, FluentConfiguration config) {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_user, current_schema")) {
            if (rs.next()) {
                if (rs.getString(1) != null) {
                    config.installedBy(rs.getString(1));
                }
                if (rs.getString(2) != null && config.getDefaultSchema() == null) {
                    config.defaultSchema(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            // Flyway asks itself and reports a broken connection its own way
        }
    }
}
