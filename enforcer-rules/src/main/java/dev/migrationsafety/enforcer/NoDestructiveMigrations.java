package dev.migrationsafety.enforcer;

import dev.migrationsafety.history.GitRecordException;
import dev.migrationsafety.history.ReleasedMigrations;
import dev.migrationsafety.lint.Acceptance;
import dev.migrationsafety.lint.AcceptedFindingsException;
import dev.migrationsafety.lint.Allow;
import dev.migrationsafety.lint.AllowList;
import dev.migrationsafety.lint.MigrationChecker;
import dev.migrationsafety.lint.ProjectCheck;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.DialectResolver;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Fails the build on every finding of the check catalogue at or above {@code failOn} (and on every statement that
 * cannot be analysed, and every allow without a reason) in migrations that are not released: not in the lock file of
 * the base branch with their current checksum (see {@link ReleasedMigrations}). Findings are
 * suppressed only by a {@code -- migration:allow <check> reason="..."} comment or a POM allow with a reason. See
 * docs/rules/noDestructiveMigrations.md.
 */
@Named("noDestructiveMigrations")
public final class NoDestructiveMigrations extends AbstractMigrationRule {

    /** The lowest severity that fails: {@code critical}, {@code high}, {@code medium} or {@code low}. Default critical. */
    private String failOn = "critical";

    /** Checks locked (released) migrations too. Default false: they have run in production already. */
    private boolean includeLocked;

    /**
     * The branch the change goes to: a migration counts as released (and is left out) only when the lock file at
     * the merge base of {@code HEAD} with it records the migration with its current checksum. Unset: property
     * {@code migration.baseRef}, else {@code origin/HEAD}, {@code origin/main}, {@code origin/master}, {@code main},
     * {@code master}, whichever exists first; without git, the working lock file with matching checksums.
     *
     * @since 0.1.0
     */
    private String baseRef;

    /** The SQL dialect; default from the Flyway URL, else the JDBC driver dependency, else postgresql. */
    private String dialect;

    /** Allow-list entries: {@code <allow><file>glob</file><check>id</check><reason>why</reason></allow>}. */
    private List<Allow> allows;

    /** Keeps per-file results in target/migration/cache. Default true. */
    private boolean cache = true;

    @Inject
    public NoDestructiveMigrations(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected void run() throws EnforcerRuleException {
        ProjectCheck check = new ProjectCheck(
                layout(),
                lockFilePath(),
                resolveDialect(),
                severity(),
                includeLocked,
                entries(),
                cache ? ProjectCheck.defaultCacheDir(Path.of(project.getBuild().getDirectory())) : null,
                baseRef != null ? baseRef : property("migration.baseRef"));
        ReleasedMigrations released;
        try {
            released = check.released();
        } catch (GitRecordException e) {
            // not a violation in a file but a check that cannot run: fail even at level WARN (fail closed)
            throw new EnforcerRuleError(e.getMessage() + " - " + e.fix());
        }
        if (!includeLocked && released.fromBase()) {
            getLog().info(released.summary());
        } else if (!includeLocked) {
            getLog().warn(released.summary());
        }
        Acceptance acceptance;
        try {
            acceptance = check.acceptance();
        } catch (AcceptedFindingsException e) {
            // without it the rule cannot tell accepted findings from new ones: fail closed, even at level WARN
            throw new EnforcerRuleError(e.describe());
        }
        MigrationChecker.CheckResult result;
        try {
            result = check.run(released, acceptance);
        } catch (UncheckedIOException e) {
            throw new EnforcerRuleError("Cannot check the migrations: " + e.getMessage());
        }
        List<Finding> blocking = result.blocking(check.failOn());
        if (!blocking.isEmpty() && result.existingHistory() != null) {
            // an existing history not adopted yet: one suggestion instead of a line per finding
            report(List.of(result.existingHistory().finding("noDestructiveMigrations")));
        }
        int below = result.findings().size() - blocking.size();
        if (below > 0) {
            getLog().info(below + " finding(s) below failOn=" + check.failOn().id()
                    + "; run mvn migration:check for the full report");
        }
        report(blocking);
    }

    private Severity severity() throws EnforcerRuleError {
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new EnforcerRuleError("Invalid failOn of noDestructiveMigrations: " + e.getMessage());
        }
    }

    private dev.migrationsafety.sql.Dialect resolveDialect() throws EnforcerRuleError {
        try {
            List<String> deps = project.getDependencies().stream()
                    .map(d -> d.getGroupId() + ":" + d.getArtifactId())
                    .toList();
            String configured = dialect != null ? dialect : property("migration.dialect");
            DialectResolver.Resolution r = DialectResolver.resolve(configured, property("flyway.url"), deps);
            getLog().debug("noDestructiveMigrations: " + r);
            return r.dialect();
        } catch (IllegalArgumentException e) {
            throw new EnforcerRuleError("Invalid dialect of noDestructiveMigrations: " + e.getMessage());
        }
    }

    private List<AllowList.Entry> entries() {
        return Allow.entries(allows);
    }

    @Override
    public String toString() {
        return "NoDestructiveMigrations[failOn=" + failOn + ", includeLocked=" + includeLocked + ", baseRef=" + baseRef
                + ", dialect=" + dialect + ", allows=" + (allows == null ? 0 : allows.size()) + ", " + super.toString()
                + "]";
    }
}
