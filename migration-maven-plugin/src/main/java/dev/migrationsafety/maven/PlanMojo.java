package dev.migrationsafety.maven;

import dev.migrationsafety.database.ReadOnlySession;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.release.ReleasePlan;
import dev.migrationsafety.release.ReleasePlanner;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Before a deploy: reads the target's Flyway history (read-only), says what {@code flyway migrate} will run and in
 * which order, with placeholders resolved and each migration's transaction mode, runs the check catalogue on the
 * pending migrations, and fails when the deploy would fail or do harm. Writes {@code plan.md}, {@code plan.json} and
 * {@code plan.sql} to {@code target/migration/}. See docs/goals/plan.md.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractGateMojo {
    /**
     * Skips this goal.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migration.plan.skip", defaultValue = "false")
    private boolean skipPlan;

    @Inject
    public PlanMojo(MavenProject project, MavenSession session, SettingsDecrypter decrypter) {
        super(project, session, decrypter);
    }

    @Override
    protected String goal() {
        return ReleasePlanner.PLAN;
    }

    @Override
    protected ReleasePlan gate(ReleasePlanner planner, ReadOnlySession session, MigrationSet set) {
        return planner.plan(session, set);
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipPlan;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.plan.skip";
    }
}
