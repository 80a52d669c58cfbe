package dev.migrationsafety.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which statement resets a PostgreSQL session before each script, following Flyway 13's own rules. */
class SessionResetTest {
    private static final String ROLE_ONLY = "SELECT pg_catalog.set_config('role', ?, false)";

    @Test
    void theDefaultSchemaGoesInFrontOfTheOriginalSearchPath() {
        SessionReset reset = SessionReset.postgres("app", "\"$user\", public", null, "public");
        assertEquals(
                "SELECT pg_catalog.set_config('role', ?, false), CASE WHEN EXISTS (SELECT FROM"
                        + " pg_catalog.pg_namespace WHERE nspname = ?) THEN pg_catalog.set_config('search_path', ?,"
                        + " false) END",
                reset.sql());
    }

    @Test
    void aSearchPathThatIsOrStartsWithTheDefaultSchemaIsLeftAsTheScriptLeftIt() {
        // Flyway does not touch the search path then: a script's change carries over, as in a deployment
        assertEquals(
                ROLE_ONLY,
                SessionReset.postgres("app", "public", null, "public").sql());
        assertEquals(
                ROLE_ONLY,
                SessionReset.postgres("app", "rt_x,public", "rt_x", "rt_x").sql());
    }

    @Test
    void aConfiguredSchemaWinsOverTheCurrentOne() {
        assertEquals(
                ROLE_ONLY,
                SessionReset.postgres("app", "rt_scratch", "rt_scratch", "public")
                        .sql());
    }
}
