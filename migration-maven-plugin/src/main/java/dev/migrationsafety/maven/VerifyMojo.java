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
 * After a deploy: reads the target's Flyway history (read-only) and fails unless the deploy finished: nothing
 * pending, no failed history rows, every applied file unchanged and present. Writes {@code verify.md} and
 * {@code verify.json} to {@code target/migration/}. See docs/goals/verify.md.
 */
@Mojo(name = "verify", threadSafe = true)
public class VerifyMojo extends AbstractGateMojo {
    /**
     * Skips this goal.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migration.verify.skip", defaultValue = "false")
    private boolean skipVerify;

    @Inject
    public VerifyMojo(MavenProject project, MavenSession session, SettingsDecrypter decrypter) {
        super(project, session, decrypter);
    }

    @Override
    protected String goal() {
        return ReleasePlanner.VERIFY;
    }

    @Override
    protected ReleasePlan gate(ReleasePlanner planner, ReadOnlySession session, MigrationSet set) {
        return planner.verify(session, set);
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipVerify;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.verify.skip";
    }
}
