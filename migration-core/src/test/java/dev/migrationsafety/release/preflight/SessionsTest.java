package dev.migrationsafety.release.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How other sessions appear in preflight findings. */
class SessionsTest {

    @Test
    void statementsAreShortAndHideTheirLiterals() {
        assertEquals("ALTER ROLE app PASSWORD '…'", Sessions.query("ALTER ROLE app\n   PASSWORD 's3cret''s'"));
        String longQuery = "SELECT " + "a, ".repeat(40) + "b FROM t";
        assertEquals(Sessions.QUERY_CHARS + 1, Sessions.query(longQuery).length());
        assertEquals('…', Sessions.query(longQuery).charAt(Sessions.QUERY_CHARS));
        assertNull(Sessions.query("<insufficient privilege>"));
        assertNull(Sessions.query("  "));
    }

    @Test
    void sessionsNameWhatIsKnown() {
        assertEquals(
                "session 7 (user app, application 'api', idle in transaction)",
                Sessions.session(7, "app", "api", "idle in transaction"));
        assertEquals("session 7", Sessions.session(7, null, "", null));
        assertEquals("ROW EXCLUSIVE", Sessions.pgMode("RowExclusiveLock"));
        assertEquals("ACCESS SHARE", Sessions.pgMode("AccessShareLock"));
    }

    @Test
    void thresholdsAreWholeSeconds() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new PreflightThresholds(Duration.ZERO, Duration.ofSeconds(1)));
        assertEquals(
                "the long-transaction threshold must be a positive number of whole seconds, not PT0S; e.g. 30s",
                e.getMessage());
        assertEquals(Duration.ofSeconds(30), PreflightThresholds.defaults().longTransaction());
        assertEquals(Duration.ofSeconds(60), PreflightThresholds.defaults().replicaLag());
    }
}
