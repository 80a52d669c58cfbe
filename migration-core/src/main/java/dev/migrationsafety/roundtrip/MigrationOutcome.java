package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.Difference;
import java.util.ArrayList;
import java.util.List;

/**
 * What the round trip found for one migration.
 *
 * @param version the version as Flyway prints it
 * @param description the description from the file name
 * @param path the up file, relative to the project
 * @param downPath the down file, relative to the project; null when there is none
 * @param status the verdict
 * @param upMillis time of the up, -1 when not run
 * @param downMillis time of the down, -1 when not run
 * @param reUpMillis time of the re-up, -1 when not run
 * @param failure the statement the database rejected, if any
 * @param differences what differs after the down or re-up (column-order warnings included)
 * @param note why the down was skipped (irreversible reason) or why nothing ran
 * @param label how reports name the migration: {@code V2.1__add_index}, or in the project's naming
 */
public record MigrationOutcome(
        String version,
        String description,
        String path,
        String downPath,
        Status status,
        long upMillis,
        long downMillis,
        long reUpMillis,
        Failure failure,
        List<PhaseDifference> differences,
        String note,
        String label) {

    public enum Status {
        PASSED,
        /** Passed with column-order warnings only. */
        WARNING,
        FAILED,
        /** Marked irreversible: the up ran, the down was skipped. */
        IRREVERSIBLE,
        /** Not run because an earlier migration failed. */
        NOT_RUN
    }

    public MigrationOutcome {
        differences = List.copyOf(differences);
        if (label == null) {
            label = labelOf(version, description);
        }
    }

    /** An outcome labelled in Flyway's default naming. */
    public MigrationOutcome(
            String version,
            String description,
            String path,
            String downPath,
            Status status,
            long upMillis,
            long downMillis,
            long reUpMillis,
            Failure failure,
            List<PhaseDifference> differences,
            String note) {
        this(
                version,
                description,
                path,
                downPath,
                status,
                upMillis,
                downMillis,
                reUpMillis,
                failure,
                differences,
                note,
                null);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    static String labelOf(String version, String description) {
        return "V" + version + "__" + description.replace(' ', '_');
    }

    /**
     * The one-line messages of this outcome's problems in the order they happened, as the console and reports show
     * them: {@code undo/U2__x.sql: index crates_name_idx missing after down of V2__x}.
     */
    public List<String> problems() {
        List<String> lines = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (PhaseDifference d : differences) {
                if (d.phase() == phase) {
                    lines.add(describe(d));
                }
            }
            if (failure != null && failure.phase() == phase) {
                lines.add(failure.location() + ": " + phase.label() + " of " + label() + " failed: " + failure.error()
                        + (failure.statement() == null ? "" : " [statement: " + failure.statement() + "]")
                        + (note == null ? "" : " - " + note));
            }
        }
        return lines;
    }

    private String describe(PhaseDifference d) {
        String where = d.phase() == Phase.DOWN && downPath != null ? downPath : path;
        String when = d.phase().label() + " of " + label()
                + (d.phase() == Phase.RE_UP ? " (compared with the first up)" : "");
        Difference diff = d.difference();
        String warning = diff.isColumnOrder() ? "warning: " : "";
        if (diff.change() == Difference.Change.CHANGED || diff.isColumnOrder()) {
            return where + ": " + warning + "after " + when + ": " + diff.describe();
        }
        return where + ": " + diff.describe() + " after " + when;
    }
}
