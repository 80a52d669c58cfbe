package dev.migrationsafety.enforcer;

import dev.migrationsafety.history.FreezeCheck;
import dev.migrationsafety.history.GitRecordException;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * {@code <legacyMigrationFreeze/>}: a locked migration, down script or baseline is never changed, renamed or
 * deleted; with {@code frozenThrough}, no new file may take a version at or below it, and before the lock file
 * records that range the files in it must be as they are in git at {@code frozenBaseRef}.
 */
@Named("legacyMigrationFreeze")
public final class LegacyMigrationFreezeRule extends AbstractMigrationRule {

    /**
     * The highest released version: new files at or below it are refused once the lock file records that range.
     * No default.
     */
    private String frozenThrough;

    /**
     * The git ref (branch, tag or commit) that records the released content of files at or below
     * {@code frozenThrough} while the lock file does not: in a pull-request build, the target branch (e.g.
     * {@code origin/main}). Unset: property {@code migration.frozenBaseRef}, else {@code HEAD}.
     *
     * @since 0.1.0
     */
    private String frozenBaseRef;

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
        String ref = frozenBaseRef != null ? frozenBaseRef : property("migration.frozenBaseRef");
        ref = ref == null || ref.isBlank() ? FreezeCheck.DEFAULT_BASE_REF : ref.strip();
        List<Finding> findings;
        try {
            findings = new FreezeCheck(through, ref).check(history());
        } catch (GitRecordException e) {
            // not a violation in a file but a check that cannot run: fail even at level WARN (fail closed)
            throw new EnforcerRuleError(e.getMessage() + " - " + e.fix());
        }
        report(findings);
    }

    @Override
    public String getCacheId() {
        return null;
    }

    @Override
    public String toString() {
        return "LegacyMigrationFreezeRule[frozenThrough=" + frozenThrough + ", frozenBaseRef=" + frozenBaseRef + ", "
                + commonSettings() + "]";
    }
}
