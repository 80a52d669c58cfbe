package dev.migrationsafety.release.leftovers;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The bounded orphan-row check: per foreign key one {@code SELECT 1 ... LEFT JOIN ... WHERE parent IS NULL LIMIT 1},
 * skipped for tables above the row limit and cancelled after the time limit; what is skipped is named.
 */
final class OrphanRows {
    static final String RULE = "orphan-rows";

    private OrphanRows() {}

    static void check(
            Connection c,
            List<ForeignKey> keys,
            LeftoverOptions options,
            boolean validateFix,
            List<Finding> findings,
            List<String> notChecked) {
        if (!options.orphanRows()) {
            if (!keys.isEmpty()) {
                notChecked.add("orphan rows: not checked, the check is turned off");
            }
            return;
        }
        int seconds = (int) Math.max(1, (options.orphanTimeout().toMillis() + 999) / 1000);
        for (ForeignKey fk : keys) {
            String what = "foreign key " + fk.name() + " on " + fk.table();
            if (fk.estimatedRows() > options.orphanRowLimit()) {
                notChecked.add("orphan rows of " + what + ": not checked, " + fk.table() + " has about "
                        + String.format(Locale.ROOT, "%,d", fk.estimatedRows()) + " rows, above the limit of "
                        + String.format(Locale.ROOT, "%,d", options.orphanRowLimit()));
                continue;
            }
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout(seconds);
                try (ResultSet rs = st.executeQuery(fk.orphanQuery(true))) {
                    if (rs.next()) {
                        findings.add(finding(fk, what, validateFix));
                    }
                }
            } catch (SQLException e) {
                endFailedTransaction(c);
                notChecked.add("orphan rows of " + what + ": not checked, "
                        + (timedOut(e)
                                ? "the query ran longer than " + seconds + " s"
                                : "the query failed: " + DriverMessages.oneLine(e.getMessage())));
            }
        }
    }

    private static Finding finding(ForeignKey fk, String what, boolean validateFix) {
        String columns = String.join(", ", fk.columns());
        return new Finding(
                DeployLeftovers.PATH,
                0,
                0,
                Severity.HIGH,
                RULE,
                what + " has rows whose " + columns + " match" + (fk.columns().size() == 1 ? "es" : "") + " no row of "
                        + fk.parent(),
                "list them with " + fk.orphanQuery(false) + ", then delete or correct them"
                        + (validateFix && !fk.validated()
                                ? " and run ALTER TABLE " + fk.table() + " VALIDATE CONSTRAINT " + fk.name()
                                : ""));
    }

    /** A failed query aborts the caller's transaction on PostgreSQL; a read-only one loses nothing by a rollback. */
    private static void endFailedTransaction(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // the next query reports the broken connection
        }
    }

    /** Whether the query was cancelled by its time limit (PostgreSQL 57014, MariaDB/MySQL 70100 or 1969). */
    private static boolean timedOut(SQLException e) {
        return e instanceof SQLTimeoutException
                || "57014".equals(e.getSQLState())
                || "70100".equals(e.getSQLState())
                || e.getErrorCode() == 1969;
    }
}
