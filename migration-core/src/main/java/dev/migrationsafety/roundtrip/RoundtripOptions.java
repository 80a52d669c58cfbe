package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationVersion;
import java.time.Duration;
import java.util.Map;

/**
 * How to run a round trip.
 *
 * @param mode step (default) or chain
 * @param startAfter migrations up to this version are applied without being tested (old irreversible history);
 *     null tests all
 * @param failFast stop at the first failing migration instead of reporting all
 * @param slowThreshold an up, down or re-up slower than this is flagged
 * @param columnOrderIsError whether a column-order difference fails the migration (default: a warning)
 * @param placeholders Flyway placeholders for the ups
 */
public record RoundtripOptions(
        RoundtripMode mode,
        MigrationVersion startAfter,
        boolean failFast,
        Duration slowThreshold,
        boolean columnOrderIsError,
        Map<String, String> placeholders) {
    public RoundtripOptions {
        placeholders = Map.copyOf(placeholders);
    }

    /** Whether the round trip tests the migration, rather than applying it as history before the tested ones. */
    public boolean isTested(MigrationFile m) {
        return startAfter == null || m.version().isNewerThan(startAfter);
    }

    public static RoundtripOptions defaults() {
        return new RoundtripOptions(RoundtripMode.STEP, null, false, Duration.ofMinutes(5), false, Map.of());
    }

    public RoundtripOptions withMode(RoundtripMode m) {
        return new RoundtripOptions(m, startAfter, failFast, slowThreshold, columnOrderIsError, placeholders);
    }

    public RoundtripOptions withFailFast(boolean f) {
        return new RoundtripOptions(mode, startAfter, f, slowThreshold, columnOrderIsError, placeholders);
    }

    public RoundtripOptions withStartAfter(MigrationVersion v) {
        return new RoundtripOptions(mode, v, failFast, slowThreshold, columnOrderIsError, placeholders);
    }
}
