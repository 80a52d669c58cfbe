package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.DialectResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The round trip runs where check and graph read the migrations' dialect, and says why in its first line. */
class RoundtripDatabaseTest {

    private static RoundtripDatabase choose(String url, DialectResolver.Resolution resolution, String mariadb) {
        return RoundtripDatabase.choose(
                url, "migration.url", "ci", resolution, "17.5.0", mariadb, mariadb == null ? "not here" : null);
    }

    @Test
    void aPostgresqlProjectRunsOnTheEmbeddedPostgresql() {
        RoundtripDatabase db = choose(
                null, DialectResolver.resolve(null, null, List.of("org.postgresql:postgresql:42.7.7")), "11.4.5");
        assertEquals(RoundtripDatabase.Kind.EMBEDDED_POSTGRES, db.kind());
        assertEquals(
                "embedded PostgreSQL 17.5.0 (dialect postgresql from the dependency org.postgresql:postgresql)",
                db.describe());
        assertEquals(
                "embedded PostgreSQL 17.5.0 (dialect postgresql, the default: no dialect, Flyway URL or JDBC driver"
                        + " dependency names another)",
                choose(null, DialectResolver.resolve(null, null, List.of()), null)
                        .describe());
    }

    @Test
    void aMysqlProjectRunsOnTheEmbeddedMariaDbOrSaysWhyNot() {
        DialectResolver.Resolution mysql =
                DialectResolver.resolve(null, "jdbc:mysql://db:3306/app?user=u&password=pw", List.of());
        assertEquals(
                "embedded MariaDB 11.4.5 (dialect mysql from the Flyway URL jdbc:mysql://db:3306/app?user=u&password=***)",
                choose(null, mysql, "11.4.5").describe());
        RoundtripDatabase h2 = choose(null, mysql, null);
        assertEquals(RoundtripDatabase.Kind.H2, h2.kind());
        assertEquals(Dialect.MYSQL, h2.dialect());
        assertEquals("jdbc:h2:mem:unused;MODE=MySQL", h2.h2().url());
        assertEquals(
                "H2 in memory in MySQL mode (dialect mysql from the Flyway URL"
                        + " jdbc:mysql://db:3306/app?user=u&password=***; no embedded MariaDB: not here)",
                h2.describe());
    }

    @Test
    void h2AndGenericRunOnH2() {
        assertEquals(
                "H2 in memory (dialect h2 from the dependency com.h2database:h2)",
                choose(null, DialectResolver.resolve(null, null, List.of("com.h2database:h2")), "11.4.5")
                        .describe());
        assertEquals(
                "H2 in memory (dialect generic as configured)",
                choose(null, DialectResolver.resolve("generic", null, List.of()), "11.4.5")
                        .describe());
    }

    @Test
    void aUrlWinsAndItsDialectWinsOverAllButAConfiguredOne() {
        DialectResolver.Resolution fromDependency =
                DialectResolver.resolve(null, null, List.of("org.postgresql:postgresql"));
        RoundtripDatabase server = choose("jdbc:mariadb://ci:s3cret@db:3306/", fromDependency, "11.4.5");
        assertEquals(RoundtripDatabase.Kind.SERVER, server.kind());
        assertEquals(Dialect.MYSQL, server.dialect());
        assertEquals("jdbc:mariadb://ci:****@db:3306/ as ci (migration.url)", server.describe());
        assertEquals(
                Dialect.H2,
                choose("jdbc:postgresql://db/app", DialectResolver.resolve("h2", null, List.of()), null)
                        .dialect());
    }

    @Test
    void aSyntaxErrorOfAMysqlProjectOnTheEmbeddedMariaDbSaysMariaDbIsNotMysql() {
        String error = "V1__flows.sql:24: You have an error in your SQL syntax; check the manual that corresponds to"
                + " your MariaDB server version for the right syntax to use near 'offset)'";
        RoundtripDatabase mysql =
                choose(null, DialectResolver.resolve(null, "jdbc:mysql://db:3306/app", List.of()), "11.4.5");
        assertEquals(
                "; this project names MySQL and the round trip ran on the embedded MariaDB 11.4.5, whose SQL differs"
                        + " from MySQL's in places (OFFSET is a reserved word there, for one): to test on MySQL"
                        + " itself, point migration.url at a MySQL server",
                mysql.hintFor(error));
        RoundtripDatabase mariadb =
                choose(null, DialectResolver.resolve(null, "jdbc:mariadb://db:3306/app", List.of()), "11.4.5");
        assertEquals("", mariadb.hintFor(error));
        assertEquals("", mysql.hintFor("Duplicate column name 'note'"));
    }
}
