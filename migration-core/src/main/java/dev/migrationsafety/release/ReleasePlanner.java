package dev.migrationsafety.release;

import dev.migrationsafety.database.ReadOnlySession;
import dev.migrationsafety.lint.Acceptance;
import dev.migrationsafety.lint.AllowList;
import dev.migrationsafety.lint.Check;
import dev.migrationsafety.lint.LockedMigrations;
import dev.migrationsafety.lint.MigrationChecker;
import dev.migrationsafety.lint.StandardFileAnalyzer;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry of the release gate: {@link #plan} before {@code flyway migrate}, {@link #verify} after it, both on a
 * {@link ReadOnlySession}. Each reads the history table, compares it with the project's migrations, adds its own
 * sections and then those of the {@link GateContributor}s, in the order they were added.
 */
public final class ReleasePlanner {
    public static final String PLAN = "plan";
    public static final String VERIFY = "verify";

    /** A dry run that cannot be made (a placeholder without a value, an unreadable file). */
    public static final String DRY_RUN_PROBLEM = DryRun.PROBLEM;

    /** A pending migration that Flyway refuses to run as configured (mixes transactional and other statements). */
    public static final String TRANSACTION_REFUSED = "transaction-mode-refused";

    private final ReleaseSettings settings;
    private final List<GateContributor> contributors;
    private final Acceptance acceptance;

    public ReleasePlanner(ReleaseSettings settings) {
        this(settings, List.of(), Acceptance.none());
    }

    private ReleasePlanner(ReleaseSettings settings, List<GateContributor> contributors, Acceptance acceptance) {
        this.settings = settings;
        this.contributors = List.copyOf(contributors);
        this.acceptance = acceptance;
    }

    /**
     * This planner, not reporting again the findings {@code migration:adopt} accepted in released migrations (a first
     * deploy to an empty database runs them all).
     */
    public ReleasePlanner accepting(Acceptance accepted) {
        return new ReleasePlanner(settings, contributors, accepted);
    }

    /** This planner with one more contributor, whose sections follow those of the ones before. */
    public ReleasePlanner with(GateContributor contributor) {
        List<GateContributor> all = new ArrayList<>(contributors);
        all.add(contributor);
        return new ReleasePlanner(settings, all, acceptance);
    }

    /** Before a deploy: the history, the dry run of the pending migrations and the checks on them. */
    public ReleasePlan plan(ReadOnlySession session, MigrationSet set) {
        HistoryState state = state(session, set);
        DryRun dryRun = new DryRun(settings.placeholders(), settings.table(), settings.schema(), settings.mixed());
        List<DryRun.Script> scripts = dryRun.scripts(session, state.pending());
        List<Finding> checks = checkFindings(set, state, session.dialect());
        ReleaseGate gate = new ReleaseGate(PLAN, session.describe(), settings.allowed())
                .withSection(historySection(state, false))
                .withSection(dryRunSection(scripts))
                .withSection(checkSection(checks, state));
        for (GateSection section : TargetSections.beforeDeploy(session, scripts, checks, settings)) {
            gate = gate.withSection(section);
        }
        return contribute(new GateContext(PLAN, session, set, state, scripts, settings), gate);
    }

    /** After a deploy: nothing pending, no failed rows, no changed or missing files. */
    public ReleasePlan verify(ReadOnlySession session, MigrationSet set) {
        HistoryState state = state(session, set);
        ReleaseGate gate = new ReleaseGate(VERIFY, session.describe(), settings.allowed())
                .withSection(historySection(state, true));
        for (GateSection section : TargetSections.afterDeploy(session)) {
            gate = gate.withSection(section);
        }
        return contribute(new GateContext(VERIFY, session, set, state, List.of(), settings), gate);
    }

    private ReleasePlan contribute(GateContext context, ReleaseGate gate) {
        for (GateContributor contributor : contributors) {
            for (GateSection section : contributor.sections(context)) {
                gate = gate.withSection(section);
            }
        }
        return new ReleasePlan(context.goal(), context.state(), context.scripts(), gate);
    }

    private HistoryState state(ReadOnlySession session, MigrationSet set) {
        TargetHistory history = TargetHistory.read(session, settings.schema(), settings.table());
        return HistoryState.compare(history, set, settings.outOfOrder());
    }

    private static GateSection historySection(HistoryState state, boolean afterDeploy) {
        List<Finding> findings = HistoryChecks.findings(state, afterDeploy);
        List<String> blocking =
                new ArrayList<>(afterDeploy ? HistoryChecks.VERIFY_BLOCKING : HistoryChecks.PLAN_BLOCKING);
        if (state.outOfOrderAllowed()) {
            blocking.remove(HistoryChecks.OUT_OF_ORDER);
        }
        String table = state.history().qualifiedName();
        String note = state.history().exists()
                ? table + ": " + state.history().rows().size() + " row(s), newest applied version "
                        + (state.newestApplied() == null ? "none" : state.newestApplied())
                : table + " does not exist: nothing applied (it is never created by this goal)";
        return GateSection.of("Target history", findings, blocking.toArray(String[]::new))
                .withNotes(note);
    }

    private static GateSection dryRunSection(List<DryRun.Script> scripts) {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (DryRun.Script s : scripts) {
            if (s.problem() != null) {
                findings.add(new Finding(
                        s.file().displayPath(),
                        0,
                        0,
                        Severity.HIGH,
                        DRY_RUN_PROBLEM,
                        "cannot be run: " + s.problem(),
                        "fix the migration or its configuration before the deploy"));
                notes.add(s.file().displayPath() + ": cannot be run");
            } else {
                notes.add(s.file().displayPath() + ": " + s.mode().description());
                if (s.mode().refused()) {
                    findings.add(new Finding(
                            s.file().displayPath(),
                            0,
                            0,
                            Severity.HIGH,
                            TRANSACTION_REFUSED,
                            "Flyway will refuse it: " + s.mode().description(),
                            "split the migration, or set mixed=true"));
                }
            }
        }
        if (scripts.isEmpty()) {
            notes.add("nothing to run");
        }
        return GateSection.of("Dry run", findings, DRY_RUN_PROBLEM, TRANSACTION_REFUSED)
                .withNotes(notes);
    }

    private GateSection checkSection(List<Finding> findings, HistoryState state) {
        Severity failOn = settings.failOn();
        return GateSection.blockingWhere("Checks on the pending migrations", findings, f -> Check.blocks(f, failOn))
                .withNotes(findings.size() + " finding(s) on " + state.pending().size()
                        + " pending migration(s); blocking at " + failOn.id() + " and above (migration.failOn)");
    }

    private List<Finding> checkFindings(MigrationSet set, HistoryState state, Dialect dialect) {
        MigrationSet pending = new MigrationSet(set.layout(), state.pending(), List.of());
        return state.pending().isEmpty()
                ? List.of()
                : acceptance
                        .apply(new MigrationChecker(
                                        StandardFileAnalyzer.INSTANCE,
                                        dialect,
                                        LockedMigrations.none(),
                                        true,
                                        new AllowList("pom.xml", settings.allows()),
                                        null)
                                .check(pending)
                                .findings())
                        .reported();
    }
}
