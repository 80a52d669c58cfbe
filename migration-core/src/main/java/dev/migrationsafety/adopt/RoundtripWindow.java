package dev.migrationsafety.adopt;

import dev.migrationsafety.history.ExistingHistory;
import dev.migrationsafety.lint.AcceptedFindings;
import dev.migrationsafety.lint.AcceptedFindingsException;
import dev.migrationsafety.lint.AcceptedFindingsReader;
import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which migrations the round trip tests in a project with a history: those after the baseline that
 * {@code migration:adopt} recorded, unless {@code migration.startAfter} says otherwise; and what to say when a
 * history that was not adopted would fail for its missing down scripts.
 *
 * @param baseDir the project base directory
 * @param lockFile the lock file; the baseline is in the accepted-findings file beside it
 * @param naming how the project names its migrations, to read the accepted findings' file names
 */
public record RoundtripWindow(Path baseDir, Path lockFile, FlywayNaming naming) {
    /** A window over a project in Flyway's default naming. */
    public RoundtripWindow(Path baseDir, Path lockFile) {
        this(baseDir, lockFile, FlywayNaming.DEFAULT);
    }

    /** The error of a migration without a down script, as the round trip reports it. */
    public static final String NO_DOWN_SCRIPT = "there is no down script";

    /** The accepted-findings file, relative to the project. */
    public String acceptedDisplay() {
        Path base = baseDir.toAbsolutePath().normalize();
        Path file = AcceptedFindings.besideLockFile(lockFile.toAbsolutePath().normalize());
        return (file.startsWith(base) ? base.relativize(file) : file).toString().replace('\\', '/');
    }

    /**
     * The baseline recorded at adoption; empty when the project was not adopted.
     *
     * @throws AcceptedFindingsException when the accepted-findings file is damaged
     */
    public Optional<MigrationVersion> baseline() throws AcceptedFindingsException {
        Path file = AcceptedFindings.besideLockFile(lockFile.toAbsolutePath().normalize());
        return new AcceptedFindingsReader(acceptedDisplay(), naming).read(file).map(AcceptedFindings::baseline);
    }

    /** The log line that says the round trip starts after the recorded baseline. */
    public String baselineLine(MigrationVersion baseline) {
        return "Testing the migrations after the baseline " + baseline + " recorded in " + acceptedDisplay()
                + " by migration:adopt (-Dmigration.startAfter=<version> tests from another one)";
    }

    /**
     * Before a run that tests every migration: an existing history that was not adopted fails once per migration
     * for its missing down script, so the error to give instead, and the failure message; empty otherwise.
     *
     */
    public Optional<Refusal> refusal(MigrationSet set) {
        ExistingHistory existing =
                ExistingHistory.detect(set, Files.exists(lockFile)).orElse(null);
        if (existing == null) {
            return Optional.empty();
        }
        String newest = ExistingHistory.newestWithoutDown(set)
                .map(MigrationVersion::text)
                .orElse("<version>");
        return Optional.of(new Refusal(
                existing.location() + ": " + existing.what() + " - " + existing.fix()
                        + "; the round trip then tests only the migrations after the newest one",
                "The round trip would fail " + existing.withoutDown() + " migrations for their missing down scripts"
                        + " - run `mvn migration:adopt`, or test only the migrations after the history with"
                        + " -Dmigration.startAfter=" + newest));
    }

    /**
     * Why the round trip does not start.
     *
     * @param error the one error line
     * @param failure the build failure's message
     */
    public record Refusal(String error, String failure) {}

    /**
     * After a run that tested every migration and failed: the option for migrations that failed for want of a down
     * script because they are history; empty when none did.
     *
     * @param missing how many migrations failed for a missing down script
     */
    public static String missingDownHint(long missing, MigrationSet set) {
        if (missing == 0) {
            return "";
        }
        return ". " + missing + (missing == 1 ? " migration has" : " migrations have") + " no down script: if "
                + (missing == 1 ? "it is" : "they are") + " released history, -Dmigration.startAfter="
                + ExistingHistory.newestWithoutDown(set)
                        .map(MigrationVersion::text)
                        .orElse("<version>")
                + " tests only the migrations after " + (missing == 1 ? "it" : "them")
                + " (`mvn migration:adopt` records that baseline for every run)";
    }
}
