package dev.migrationsafety.enforcer;

import dev.migrationsafety.history.LinearHistoryCheck;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * {@code <linearMigrationHistory/>}: no duplicate versions (in Flyway's sense), no unlocked migration that is not
 * newer than the newest locked one, an intact lock file (no git conflict markers) that lists no vanished file, and,
 * with {@code requireLocked}, every migration locked.
 */
@Named("linearMigrationHistory")
public final class LinearMigrationHistoryRule extends AbstractMigrationRule {

    /** Every migration must be in the lock file (for release pipelines). Default {@code false}. */
    private boolean requireLocked;

    @Inject
    public LinearMigrationHistoryRule(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected void run() throws EnforcerRuleException {
        report(new LinearHistoryCheck(requireLocked).check(history()));
    }

    @Override
    public String getCacheId() {
        return null;
    }

    @Override
    public String toString() {
        return "LinearMigrationHistoryRule[requireLocked=" + requireLocked + ", " + commonSettings() + "]";
    }
}
