package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationFile;
import java.util.ArrayList;
import java.util.List;

/** The console lines of a round trip: one progress line per migration and the summary table. */
public final class ConsoleFormat {
    private ConsoleFormat() {}

    /**
     * What the round trip tests, for its first line: {@code 3 migrations}, or with {@code startAfter}
     * {@code 3 migrations (after 186 applied untested as history, up to startAfter 186)}.
     */
    public static String window(List<MigrationFile> versioned, RoundtripOptions options) {
        long tested = versioned.stream().filter(options::isTested).count();
        long history = versioned.size() - tested;
        String count = tested == 1 ? "1 migration" : tested + " migrations";
        if (history == 0) {
            return count;
        }
        return count + " (after " + history + " applied untested as history, up to startAfter " + options.startAfter()
                + ")";
    }

    /**
     * Whether a problem line of the round trip is a warning (a column-order difference, {@code warning: ...}) rather
     * than an error; {@code path: warning: ...} for a migration, {@code warning: ...} for the chain.
     */
    public static boolean isWarning(String problem) {
        String line = problem.strip();
        return line.startsWith("warning: ") || line.contains(": warning: ");
    }

    /** {@code V2__add_index  up 12 ms, down 3 ms, re-up 10 ms  PASSED}. */
    public static String progressLine(MigrationOutcome o) {
        StringBuilder b = new StringBuilder(o.label());
        b.append("  up ").append(time(o.upMillis()));
        b.append(", down ").append(time(o.downMillis()));
        b.append(", re-up ").append(time(o.reUpMillis()));
        b.append("  ").append(o.status());
        if (o.note() != null && o.status() != MigrationOutcome.Status.FAILED) {
            b.append(" (").append(o.note()).append(')');
        }
        return b.toString();
    }

    /** A fixed-width table: migration, up, down, re-up, result; then the totals line. */
    public static List<String> summary(RoundtripReport report) {
        List<String> lines = new ArrayList<>();
        int width = Math.max(
                9,
                report.outcomes().stream()
                        .mapToInt(o -> o.label().length())
                        .max()
                        .orElse(9));
        String format = "%-" + width + "s  %10s  %10s  %10s  %s";
        lines.add(String.format(format, "Migration", "up", "down", "re-up", "result"));
        for (MigrationOutcome o : report.outcomes()) {
            lines.add(String.format(
                    format,
                    o.label(),
                    time(o.upMillis()),
                    time(o.downMillis()),
                    time(o.reUpMillis()),
                    o.status() + (report.isSlow(o) ? " (slow)" : "")));
        }
        lines.add(totals(report));
        return lines;
    }

    public static String totals(RoundtripReport r) {
        return r.outcomes().size() + (r.outcomes().size() == 1 ? " migration (" : " migrations (")
                + r.mode().id() + " mode) in " + duration(r.totalMillis()) + ": "
                + r.count(MigrationOutcome.Status.PASSED) + " passed, " + r.count(MigrationOutcome.Status.WARNING)
                + " with warnings, " + r.count(MigrationOutcome.Status.FAILED) + " failed, "
                + r.count(MigrationOutcome.Status.IRREVERSIBLE) + " irreversible, "
                + r.count(MigrationOutcome.Status.NOT_RUN) + " not run"
                + (r.chainDifferences().isEmpty()
                        ? ""
                        : ", " + r.chainDifferences().size() + " chain differences");
    }

    static String time(long millis) {
        return millis < 0 ? "-" : duration(millis);
    }

    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
}
