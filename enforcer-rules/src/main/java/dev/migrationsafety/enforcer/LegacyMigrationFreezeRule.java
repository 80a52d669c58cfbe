package dev.migrationsafety.enforcer;

import dev.migrationsafety.history.FreezeCheck;
import dev.migrationsafety.migration.MigrationVersion;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * {@code <legacyMigrationFreeze/>}: a locked migration, down script or baseline is never changed, renamed or
 * deleted; with {@code frozenThrough}, no new file may take a version at or below it.
 */
@Named("legacyMigrationFreeze")
public final class LegacyMigrationFreezeRule extends AbstractMigrationRule {

    /**
     * The highest released version: new files at or below it are refused once the lock file records that range.
     * No default.
     */
    private String frozenThrough;

    @Inject
    public LegacyMigrationFreezeRule(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected void run() throws EnforcerRuleException {
        MigrationVersion through = null;
        if (frozenThrough != null && !frozenThrough.isBlank()) {
            try {
                through = MigrationVersion.parse(frozenThrough.strip());
            } catch (IllegalArgumentException e) {
                throw new EnforcerRuleError("Invalid frozenThrough: " + e.getMessage());
            }
        }
        report(new FreezeCheck(through).check(history()));
    }

    @Override
    public String getCacheId() {
        return null;
    }

    @Override
    public String toString() {
        return "LegacyMigrationFreezeRule[frozenThrough=" + frozenThrough + ", " + commonSettings() + "]";
    }
}
