package dev.migrationsafety.sql;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which dialect to read a project's migrations with: the configured one, else the one of the Flyway URL,
 * else the one of the JDBC driver among the project's dependencies, else PostgreSQL. Plain strings in, so that
 * the Maven adapters pass what they read from the POM.
 */
public final class DialectResolver {

    /**
     * The decision and why, for logs ("dialect mysql (from dependency org.mariadb.jdbc:mariadb-java-client)").
     *
     * @param dialect the dialect to use
     * @param source where it came from, e.g. {@code configuration}, {@code Flyway URL jdbc:postgresql://...},
     *     {@code dependency org.postgresql:postgresql}, {@code default}
     */
    public record Resolution(Dialect dialect, String source) {
        @Override
        public String toString() {
            return "dialect " + dialect.id() + " (from " + source + ")";
        }
    }

    private DialectResolver() {}

    /**
     * Resolves the dialect.
     *
     * @param configured the user's setting ({@code postgresql}, {@code mysql}, {@code mariadb}, {@code h2}, {@code
     *     generic}), or null/blank
     * @param flywayUrl Flyway's {@code url} (plugin configuration or {@code flyway.url}), or null/blank; unresolved
     *     {@code ${...}} properties are ignored
     * @param dependencies the project's dependencies as {@code groupId:artifactId} (more parts after these two are
     *     ignored), or null
     * @throws IllegalArgumentException when {@code configured} is not a known dialect (the message lists them)
     */
    public static Resolution resolve(String configured, String flywayUrl, Collection<String> dependencies) {
        if (configured != null && !configured.isBlank()) {
            return new Resolution(Dialect.parse(configured), "configuration");
        }
        Dialect fromUrl = ofUrl(flywayUrl);
        if (fromUrl != null) {
            return new Resolution(fromUrl, "Flyway URL " + withoutCredentials(flywayUrl.strip()));
        }
        if (dependencies != null) {
            Set<Dialect> found = EnumSet.noneOf(Dialect.class);
            String firstServer = null;
            String h2 = null;
            for (String coordinates : dependencies) {
                Dialect d = ofDriver(coordinates);
                if (d == null) {
                    continue;
                }
                found.add(d);
                if (d == Dialect.H2) {
                    h2 = h2 == null ? coordinates : h2;
                } else if (firstServer == null) {
                    firstServer = coordinates;
                }
            }
            // H2 next to a server driver is almost always the test database: the server's dialect wins.
            if (found.contains(Dialect.POSTGRESQL) && found.contains(Dialect.MYSQL)) {
                return new Resolution(
                        Dialect.POSTGRESQL,
                        "default: both PostgreSQL and MySQL/MariaDB drivers are dependencies; set the dialect to"
                                + " choose");
            }
            if (firstServer != null) {
                return new Resolution(ofDriver(firstServer), "dependency " + driverKey(firstServer));
            }
            if (h2 != null) {
                return new Resolution(Dialect.H2, "dependency " + driverKey(h2));
            }
        }
        return new Resolution(Dialect.POSTGRESQL, "default");
    }

    /**
     * The dialect of a JDBC URL, or null when it names no database (blank, not JDBC, or a property where the database
     * would be: {@code ${db.url}}, {@code jdbc:${vendor}://...}); a property further on, as in
     * {@code jdbc:postgresql://${DB_HOST}:5432/app}, leaves the database named.
     */
    static Dialect ofUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (!u.startsWith("jdbc:")) {
            return null;
        }
        int colon = u.indexOf(':', "jdbc:".length());
        if (u.substring(0, colon < 0 ? u.length() : colon).contains("${")) {
            return null;
        }
        // wrappers around another URL: jdbc:tc:postgresql:16:///db (Testcontainers), jdbc:p6spy:mysql://...
        for (String wrapper : new String[] {"jdbc:tc:", "jdbc:p6spy:", "jdbc:log4jdbc:", "jdbc:otel:"}) {
            if (u.startsWith(wrapper)) {
                u = "jdbc:" + u.substring(wrapper.length());
            }
        }
        return Dialect.ofJdbcUrl(u);
    }

    /** The dialect of a JDBC driver's coordinates ({@code groupId:artifactId[:...]}), or null for other artifacts. */
    static Dialect ofDriver(String coordinates) {
        return switch (driverKey(coordinates)) {
            case "org.postgresql:postgresql", "postgresql:postgresql", "com.impossibl.pgjdbc-ng:pgjdbc-ng" ->
                Dialect.POSTGRESQL;
            case "org.mariadb.jdbc:mariadb-java-client", "mysql:mysql-connector-java", "com.mysql:mysql-connector-j" ->
                Dialect.MYSQL;
            case "com.h2database:h2" -> Dialect.H2;
            default -> null;
        };
    }

    private static String driverKey(String coordinates) {
        if (coordinates == null) {
            return "";
        }
        String[] parts = coordinates.strip().split(":");
        return parts.length < 2 ? "" : (parts[0] + ":" + parts[1]).toLowerCase(Locale.ROOT);
    }

    /** The URL without {@code user:password@} and without {@code password=...} parameters. */
    static String withoutCredentials(String url) {
        String s = url.replaceAll("//[^/@?;]*@", "//");
        return s.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
    }
}
