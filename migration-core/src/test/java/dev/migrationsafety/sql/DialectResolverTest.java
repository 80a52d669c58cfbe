package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectResolverTest {

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "mariadb  | jdbc:postgresql://db/app         | org.postgresql:postgresql   | MYSQL      | configuration",
                "null     | jdbc:postgresql://db/app         | com.h2database:h2           | POSTGRESQL | Flyway URL jdbc:postgresql://db/app",
                "''       | jdbc:mariadb://db:3306/app       | null                        | MYSQL      | Flyway URL jdbc:mariadb://db:3306/app",
                "null     | jdbc:tc:postgresql:16:///app     | null                        | POSTGRESQL | Flyway URL jdbc:tc:postgresql:16:///app",
                "null     | jdbc:sqlserver://db              | org.postgresql:postgresql   | GENERIC    | Flyway URL jdbc:sqlserver://db",
                "null     | ${db.url}                        | org.postgresql:postgresql:42.7.4 | POSTGRESQL | dependency org.postgresql:postgresql",
                "null     | jdbc:${db.vendor}://h/app        | org.postgresql:postgresql   | POSTGRESQL | dependency org.postgresql:postgresql",
                "null     | jdbc:mariadb://${DB_HOST}:3306/app | org.postgresql:postgresql | MYSQL      | Flyway URL jdbc:mariadb://${DB_HOST}:3306/app",
                "null     | null                             | com.mysql:mysql-connector-j | MYSQL      | dependency com.mysql:mysql-connector-j",
                "null     | null                             | mysql:mysql-connector-java  | MYSQL      | dependency mysql:mysql-connector-java",
                "null     | null                             | org.mariadb.jdbc:mariadb-java-client | MYSQL | dependency org.mariadb.jdbc:mariadb-java-client",
                "null     | null                             | com.h2database:h2           | H2         | dependency com.h2database:h2",
                "null     | null                             | junit:junit                 | POSTGRESQL | default",
                "null     | null                             | null                        | POSTGRESQL | default",
            })
    void resolves(String configured, String url, String dependency, Dialect expected, String source) {
        DialectResolver.Resolution r =
                DialectResolver.resolve(configured, url, dependency == null ? null : List.of(dependency));
        assertEquals(expected, r.dialect());
        assertEquals(source, r.source());
    }

    @Test
    void aServerDriverWinsOverH2WhichIsUsuallyTheTestDatabase() {
        DialectResolver.Resolution r = DialectResolver.resolve(
                null, null, List.of("com.h2database:h2:2.3.232:test", "org.mariadb.jdbc:mariadb-java-client"));
        assertEquals(Dialect.MYSQL, r.dialect());
        assertEquals("dialect mysql (from dependency org.mariadb.jdbc:mariadb-java-client)", r.toString());
    }

    @Test
    void bothServerDriversFallBackToPostgresqlAndSaySo() {
        DialectResolver.Resolution r =
                DialectResolver.resolve(null, "", List.of("com.mysql:mysql-connector-j", "org.postgresql:postgresql"));
        assertEquals(Dialect.POSTGRESQL, r.dialect());
        assertTrue(r.source().contains("set the dialect"), r.source());
    }

    @Test
    void neverLogsCredentialsOfTheUrl() {
        DialectResolver.Resolution r = DialectResolver.resolve(
                null, "jdbc:mysql://admin:s3cret@db:3306/app?password=s3cret&ssl=true", List.of());
        assertEquals(Dialect.MYSQL, r.dialect());
        assertTrue(!r.source().contains("s3cret"), r.source());
    }

    @Test
    void rejectsAnUnknownConfiguredDialect() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DialectResolver.resolve("oracle", null, null));
        assertTrue(e.getMessage().contains("use one of"));
    }
}
