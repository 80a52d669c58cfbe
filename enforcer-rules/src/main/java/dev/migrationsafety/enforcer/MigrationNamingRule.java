package dev.migrationsafety.enforcer;

import dev.migrationsafety.history.NamingCheck;
import dev.migrationsafety.lint.Acceptance;
import dev.migrationsafety.lint.AcceptedFindingsException;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * {@code <migrationNaming/>}: every file in the migration and down locations has a name Flyway reads (Flyway skips
 * other names silently), every file not yet locked follows the naming policy, every down script has its migration
 * and every new migration has a down script or an irreversible marker with a reason. Locked files with legacy
 * names pass.
 */
@Named("migrationNaming")
public final class MigrationNamingRule extends AbstractMigrationRule {

    @Inject
    public MigrationNamingRule(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected void run() throws EnforcerRuleException {
        List<Finding> findings = new NamingCheck(namingPolicy()).check(history());
        if (findings.isEmpty()) {
            report(findings);
            return;
        }
        Acceptance acceptance;
        try {
            // files adoption accepted (a README kept beside the migrations) are not reported again
            acceptance = Acceptance.load(baseDir(), lockFilePath(), Dialect.GENERIC, layout().naming());
        } catch (AcceptedFindingsException e) {
            // without it the rule cannot tell accepted files from new ones: fail closed, even at level WARN
            throw new EnforcerRuleError(e.describe());
        }
        report(acceptance.apply(findings).reported());
    }

    @Override
    public String getCacheId() {
        return null;
    }

    @Override
    public String toString() {
        return "MigrationNamingRule[" + commonSettings() + "]";
    }
}
