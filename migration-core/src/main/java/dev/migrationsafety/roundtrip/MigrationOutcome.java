package dev.migrationsafety.roundtrip;

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
        String note) {

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
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** {@code V2024...__add_index}. */
    public String label() {
        return "V" + version + "__" + description.replace(' ', '_');
    }

    /** The one-line messages of this outcome's problems, as the console and reports show them. */
    public List<String> problems() {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        if (failure != null) {
            lines.add(failure.location() + ": " + failure.phase().label() + " of " + label() + " failed: "
                    + failure.error()
                    + (failure.statement() == null ? "" : " [statement: " + failure.statement() + "]"));
        }
        for (PhaseDifference d : differences) {
            String where = d.phase() == Phase.DOWN ? downPath : path;
            String against =
                    d.phase() == Phase.DOWN ? " (compared with before the up)" : " (compared with the first up)";
            lines.add((where == null ? path : where) + ": " + (d.difference().isColumnOrder() ? "warning: " : "")
                    + d.difference().describe() + " after " + d.phase().label() + " of " + label() + against);
        }
        return lines;
    }
}
