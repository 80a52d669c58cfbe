package dev.migrationsafety.release.impact;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one change of a pending migration does to the data of the target, as measured there.
 *
 * @param path the migration, as the finding names it
 * @param line the line of the statement (for an operation in a block, the inner statement's)
 * @param ruleId the finding's rule, or {@link DataImpact#DATA_CHANGE} for a {@code DELETE}/{@code UPDATE} the
 *     catalogue has no finding for
 * @param finding the catalogue's finding, or {@code null} for such a data change
 * @param table the table, as the migration names it
 * @param operation what the statement does to it, e.g. {@code DROP COLUMN email}
 * @param tableRows the table's estimated rows, or {@code null} when not known
 * @param tableBytes the table's size with its indexes and TOAST, or {@code null} when not known
 * @param affectedRows the rows whose data the change loses or changes (or reads under its lock), or {@code null}
 *     when it changes no row's data
 * @param detail what was measured about the change itself, e.g. {@code DROP COLUMN note: 750 rows hold a value
 *     (counted up to 1,000,000)}, or {@code null}
 * @param lock the lock it takes, or {@code null}
 * @param level the advice level
 * @param advice the advice of that level, with the threshold it crossed
 * @param notes what could not be measured, or what else the reader should know
 */
public record Impact(
        String path,
        int line,
        String ruleId,
        Finding finding,
        TableName table,
        String operation,
        Long tableRows,
        Long tableBytes,
        Long affectedRows,
        String detail,
        TableLock lock,
        ImpactLevel level,
        String advice,
        List<String> notes) {
    public Impact {
        notes = List.copyOf(notes);
    }

    /**
     * One line: {@code orders: ~120,000 rows, 48 MB; DROP COLUMN note: 118,311 rows hold a value (counted up to
     * 1,000,000); DROP COLUMN email takes lock ACCESS EXCLUSIVE (...); above 100,000 rows: split it ...}.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        String head = table.qualified() + ": ";
        if (level == ImpactLevel.NEW_TABLE || level == ImpactLevel.NOT_ASSESSED) {
            parts.add(head + operation);
            parts.addAll(notes);
            return String.join("; ", parts);
        }
        parts.add(head
                + (tableRows == null ? "rows unknown" : "~" + count(tableRows) + " rows")
                + (tableBytes == null ? "" : ", " + size(tableBytes)));
        if (detail != null) {
            parts.add(detail);
        }
        if (lock != null) {
            String how = lock.scansTable() && tableRows != null
                    ? ", held while it reads or rewrites all ~" + count(tableRows) + " rows"
                    : "";
            parts.add(operation + " takes " + lock.describe() + how);
        }
        parts.add(advice);
        parts.addAll(notes);
        return String.join("; ", parts);
    }

    /**
     * This impact as a finding of the caller's rule (e.g. {@code large-data-change}) at the statement's place: the
     * message is {@link #describe()}, the fix the advice and how to relax the threshold.
     */
    public Finding asFinding(String rule, Severity severity) {
        return new Finding(
                path,
                line,
                0,
                severity,
                rule,
                describe(),
                "relax it with the impact thresholds, or accept the finding, once a backup or a staged plan exists");
    }

    /** {@code 1,500}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 512 bytes}, {@code 96 kB}, {@code 48 MB}, {@code 3 GB} (powers of 1024, as pg_size_pretty). */
    static String size(long bytes) {
        String[] units = {"kB", "MB", "GB", "TB"};
        if (bytes < 10 * 1024L) {
            return bytes < 1024 ? bytes + " bytes" : Math.round(bytes / 1024.0) + " kB";
        }
        double v = bytes;
        int u = -1;
        while (v >= 10 * 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return Math.round(v) + " " + units[Math.max(u, 0)];
    }
}
