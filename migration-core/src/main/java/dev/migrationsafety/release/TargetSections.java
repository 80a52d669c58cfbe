package dev.migrationsafety.release;

import dev.migrationsafety.database.ReadOnlySession;
import dev.migrationsafety.release.impact.DataImpact;
import dev.migrationsafety.release.impact.Impact;
import dev.migrationsafety.release.impact.ImpactLevel;
import dev.migrationsafety.release.impact.ImpactThresholds;
import dev.migrationsafety.release.leftovers.DeployLeftovers;
import dev.migrationsafety.release.leftovers.LeftoverException;
import dev.migrationsafety.release.leftovers.LeftoverOptions;
import dev.migrationsafety.release.leftovers.LeftoverResult;
import dev.migrationsafety.release.preflight.Preflight;
import dev.migrationsafety.release.preflight.PreflightResult;
import dev.migrationsafety.release.preflight.PreflightThresholds;
import dev.migrationsafety.release.preflight.TouchedTables;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections that read the target beyond its history: the preflight and the data impact of the pending migrations
 * (before a deploy), and what a half-finished deploy left behind (after one). Each runs in a read-only transaction of
 * its own that is rolled back, so that no lock taken by an estimate outlives it.
 */
final class TargetSections {
    /** An impact at or above the backup threshold: blocks unless allowed. */
    static final String LARGE_DATA_CHANGE = "large-data-change";

    private TargetSections() {}

    /** Preflight first (its own session is never reported), then the impact of each finding and data change. */
    static List<GateSection> beforeDeploy(
            ReadOnlySession session, List<DryRun.Script> scripts, List<Finding> checks, ReleaseSettings settings) {
        if (scripts.isEmpty()) {
            return List.of();
        }
        Map<String, String> sqlByPath = new LinkedHashMap<>();
        for (DryRun.Script s : scripts) {
            if (s.sql() != null) {
                sqlByPath.put(s.file().displayPath(), s.sql());
            }
        }
        List<FileAnalysis> pending = DataImpact.analyse(sqlByPath, session.dialect());
        List<GateSection> sections = new ArrayList<>();
        String schema = settings.schema();
        inTransaction(session, schema, () -> {
            PreflightResult pre = new Preflight(session.connection(), session.dialect(), PreflightThresholds.defaults())
                    .check(TouchedTables.of(pending));
            sections.add(GateSection.of("Preflight", pre.findings(), Preflight.LOCK_HELD)
                    .withNotes(pre.notes()));
        });
        inTransaction(session, schema, () -> {
            List<Impact> impacts = new DataImpact(
                            session.connection(),
                            session.dialect(),
                            ImpactThresholds.defaults(),
                            settings.placeholders())
                    .assess(checks, pending);
            List<Finding> findings = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Impact i : impacts) {
                notes.add(i.path() + (i.line() > 0 ? ":" + i.line() : "") + ": " + i.describe());
                if (i.level().atLeast(ImpactLevel.BACKUP)) {
                    findings.add(i.asFinding(LARGE_DATA_CHANGE, Severity.HIGH));
                }
            }
            if (impacts.isEmpty()) {
                notes.add("no pending statement changes or locks an existing table's data in a way the checks flag");
            }
            sections.add(
                    GateSection.of("Data impact", findings, LARGE_DATA_CHANGE).withNotes(notes));
        });
        return sections;
    }

    /** NOT VALID constraints, invalid indexes and orphan rows a deploy left behind. */
    static List<GateSection> afterDeploy(ReadOnlySession session) {
        List<GateSection> sections = new ArrayList<>();
        inTransaction(session, null, () -> {
            try {
                LeftoverResult left = new DeployLeftovers(LeftoverOptions.defaults()).check(session.connection());
                sections.add(GateSection.of(
                                "Deploy leftovers",
                                left.findings(),
                                "not-valid-constraint",
                                "invalid-index",
                                "orphan-rows")
                        .withNotes(left.notChecked()));
            } catch (LeftoverException e) {
                sections.add(GateSection.of("Deploy leftovers", List.of()).withNotes("not checked: " + e.getMessage()));
            }
        });
        return sections;
    }

    private interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own, rolled back afterwards (the session stays read-only). On
     * PostgreSQL, unqualified names resolve in Flyway's default schema for that transaction, as they will when Flyway
     * runs the migrations.
     */
    private static void inTransaction(ReadOnlySession session, String schema, Work work) {
        Connection c = session.connection();
        try {
            c.setAutoCommit(false);
            try {
                if (schema != null && !schema.isBlank() && session.dialect() == Dialect.POSTGRESQL) {
                    try (Statement st = session.statement()) {
                        st.execute("SET LOCAL search_path TO \"" + schema.replace("\"", "\"\"") + "\"");
                    }
                }
                work.run();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw session.failure("reading the target", e);
        }
    }
}
