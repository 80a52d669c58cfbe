package dev.migrationsafety.sql;

import java.util.Locale;

/** The SQL dialects the lexer, analysis and round trip know. */
public enum Dialect {
    POSTGRESQL,
    /** MySQL and MariaDB. */
    MYSQL,
    H2,
    GENERIC;

    /** Parses {@code postgresql}, {@code postgres}, {@code mysql}, {@code mariadb}, {@code h2}, {@code generic}. */
    public static Dialect parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            case "h2" -> H2;
            case "generic", "ansi" -> GENERIC;
            default ->
                throw new IllegalArgumentException(
                        "unknown dialect '" + text + "'; use one of postgresql, mysql, mariadb, h2, generic");
        };
    }

    /** The dialect of a JDBC URL ({@code jdbc:postgresql:...}, {@code jdbc:mariadb:...}), or GENERIC. */
    public static Dialect ofJdbcUrl(String url) {
        String u = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:pgsql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        return GENERIC;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
