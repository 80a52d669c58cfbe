package dev.migrationsafety.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz harness over the check and graph runs (see {@link Fuzzer}). In the normal build it runs for about a
 * minute with a fixed seed; longer runs, other seeds and single inputs are chosen with system properties:
 *
 * <pre>
 * ./mvnw -pl migration-core test -Dtest=FuzzTest -Dmigration.fuzz.seconds=3600 -Dmigration.fuzz.seed=42
 * ./mvnw -pl migration-core test -Dtest=FuzzTest -Dmigration.fuzz.input=-4713311247096113406
 * </pre>
 *
 * Failing inputs are written to {@code target/fuzz-failures/} with the input number that reproduces them.
 */
class FuzzTest {
    static final long DEFAULT_SEED = 20261204L;
    static final long DEFAULT_SECONDS = 50;

    @TempDir
    Path work;

    @Test
    void seedsAreCleanAndTheOracleKnowsTheirDestructiveStatements() throws IOException {
        Fuzzer fuzzer = new Fuzzer(work, failureDir());
        int destructive = 0;
        for (Fuzzer.Seed seed : fuzzer.seeds()) {
            Fuzzer.Outcome outcome = fuzzer.analyse(seed.dialect(), seed.bytes(), true);
            assertEquals(null, outcome.crash(), seed.name());
            assertFalse(
                    outcome.findings().stream().anyMatch(f -> f.ruleId().equals(Fuzzer.NOT_ANALYSABLE)),
                    () -> seed.name() + " must be readable: " + outcome.findings());
            String text = new String(seed.bytes(), StandardCharsets.UTF_8);
            for (Fuzzer.Destructive d : seed.destructive()) {
                // the oracle must accept every destructive statement of an unmutated seed, or it would be vacuous
                assertTrue(ValidityOracle.stillThere(seed.dialect(), text, d.own()) >= 0, seed.name() + ": " + d);
                destructive++;
            }
        }
        assertTrue(
                fuzzer.seeds().size() >= 20, "seed corpus of " + fuzzer.seeds().size());
        assertTrue(destructive >= 20, destructive + " destructive statements in the seeds");
    }

    @Test
    void mutantsNeitherCrashNorPassSilently() {
        long seed = Long.getLong("migration.fuzz.seed", DEFAULT_SEED);
        long seconds = Long.getLong("migration.fuzz.seconds", DEFAULT_SECONDS);
        String input = System.getProperty("migration.fuzz.input");
        assertTimeoutPreemptively(Duration.ofSeconds(seconds + 600), () -> {
            Fuzzer fuzzer = new Fuzzer(work, failureDir());
            Fuzzer.Stats stats;
            if (input != null && !input.isBlank()) {
                stats = new Fuzzer.Stats();
                fuzzer.one(Long.parseLong(input.strip()), seed, stats);
            } else {
                stats = fuzzer.run(seed, Duration.ofSeconds(seconds), Long.MAX_VALUE);
            }
            System.out.println("fuzz: seed=" + seed + " " + stats);
            stats.failures.forEach(f -> System.out.println("fuzz: failing input written to " + f));
            assertEquals(0, stats.crashes, () -> "crashes: " + stats + ", inputs in " + failureDir());
            assertEquals(0, stats.silentPasses, () -> "silent passes: " + stats + ", inputs in " + failureDir());
            if (input == null) {
                assertTrue(stats.inputs >= 200, "too few inputs to mean anything: " + stats);
                assertTrue(
                        stats.judgedStillThere * 10 >= stats.mutantsOfDestructiveSeeds,
                        "the oracle judged under 10% of mutants still valid, the run proves little: " + stats);
            }
        });
    }

    private static Path failureDir() {
        return Path.of("target", "fuzz-failures");
    }
}
