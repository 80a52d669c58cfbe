package dev.migrationsafety.maven;

import dev.migrationsafety.adopt.Adoption;
import dev.migrationsafety.history.ExistingHistory;
import dev.migrationsafety.history.GitRecordException;
import dev.migrationsafety.history.ReleasedMigrations;
import dev.migrationsafety.io.AtomicFiles;
import dev.migrationsafety.lint.Acceptance;
import dev.migrationsafety.lint.AcceptedFindingsException;
import dev.migrationsafety.lint.Allow;
import dev.migrationsafety.lint.AllowList;
import dev.migrationsafety.lint.CheckReports;
import dev.migrationsafety.lint.MigrationChecker;
import dev.migrationsafety.lint.ProjectCheck;
import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs the whole check catalogue on the project's migrations and writes {@code check.json}, {@code check.sarif}
 * (SARIF 2.1.0, for code-scanning upload) and {@code check.md} to {@code target/migration/}. Prints one line per
 * finding ({@code path:line:col: severity [check] message - fix}), GitHub workflow annotations when
 * {@code GITHUB_ACTIONS=true}, and fails when a finding is at or above {@code failOn}. See docs/goals/check.md.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractSqlMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.check.skip", defaultValue = "false")
    private boolean skipCheck;

    /**
     * The lowest severity that fails the build: {@code critical}, {@code high}, {@code medium} or {@code low}.
     * Statements that cannot be analysed and allows without a reason fail whatever the threshold. Default
     * {@code critical}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.failOn", defaultValue = "critical")
    private String failOn;

    /**
     * Checks only migrations that are not released yet. Released means: in the lock file of the base branch (see
     * {@code baseRef}) with the file's current checksum, so a migration locked by the change itself, or a locked
     * file edited since, is still checked. Default {@code false}: every migration is checked and reported.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.onlyUnlocked", defaultValue = "false")
    private boolean onlyUnlocked;

    /**
     * With {@code onlyUnlocked}: the branch the change goes to. A migration counts as released only when the lock
     * file at the merge base of {@code HEAD} with this ref records it with its current checksum. Unset: the first of
     * {@code origin/HEAD}, {@code origin/main}, {@code origin/master}, {@code main}, {@code master} that exists;
     * without git, the working lock file's entries whose checksum still matches.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.baseRef")
    private String baseRef;

    /**
     * Allow-list entries, each with a file glob (matched against the path relative to the project, or the file
     * name when it has no {@code /}), a check id and a mandatory reason:
     * {@code <allows><allow><file>V2026*__drop_legacy.sql</file><check>drop-table</check><reason>...</reason>
     * </allow></allows>}. No default.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Allow> allows;

    /**
     * The lock file, relative to the project. Default {@code src/main/resources/db/migrations.lock}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.lockFile", defaultValue = "src/main/resources/db/migrations.lock")
    private File lockFile;

    /**
     * Where the reports go. Default <code>${project.build.directory}/migration</code>.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/migration", required = true)
    private File outputDirectory;

    /**
     * Keeps per-file results in {@code target/migration/cache} so that unchanged migrations are not analysed
     * again. Default {@code true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migration.cache", defaultValue = "true")
    private boolean cache;

    @Inject
    public CheckMojo(MavenProject project) {
        super(project);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Severity threshold = threshold();
        Path out = outputDirectory.toPath();
        ProjectCheck check = new ProjectCheck(
                layout(),
                lockFile.toPath(),
                dialect(),
                threshold,
                !onlyUnlocked,
                entries(),
                cache ? out.resolve("cache") : null,
                baseRef);
        ReleasedMigrations released;
        try {
            released = check.released();
        } catch (GitRecordException e) {
            throw new MojoExecutionException(e.getMessage() + " - " + e.fix());
        }
        if (onlyUnlocked && released.fromBase()) {
            getLog().info(released.summary());
        } else if (onlyUnlocked) {
            getLog().warn(released.summary());
        }
        Acceptance acceptance;
        try {
            acceptance = check.acceptance();
        } catch (AcceptedFindingsException e) {
            throw new MojoFailureException(e.describe());
        }
        MigrationChecker.CheckResult result;
        try {
            result = check.run(released, acceptance);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Cannot check the migrations: " + e.getMessage(), e);
        }
        List<Finding> blocking = result.blocking(threshold);
        // an existing history not adopted yet: one suggestion instead of a line per finding (the reports list them)
        ExistingHistory existing = blocking.isEmpty() ? null : result.existingHistory();
        Set<Finding> blockingSet = new HashSet<>(blocking);
        for (Finding f : existing != null ? List.<Finding>of() : result.findings()) {
            if (blockingSet.contains(f)) {
                getLog().error(f.formatWithSeverity());
            } else {
                getLog().warn(f.formatWithSeverity());
            }
        }
        if (existing != null) {
            getLog().error(existing.location() + ": " + existing.what() + " - " + existing.fix());
        }
        CheckReports reports = new CheckReports(result.findings(), threshold, version());
        try {
            AtomicFiles.write(out.resolve("check.json"), reports.json());
            AtomicFiles.write(out.resolve("check.sarif"), reports.sarif());
            AtomicFiles.write(out.resolve("check.md"), reports.markdown());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the check reports to " + out + ": " + e.getMessage(), e);
        }
        if ("true".equalsIgnoreCase(environment("GITHUB_ACTIONS"))) {
            // workflow commands must start their line: written to standard output, not through the logger
            reports.githubAnnotations().forEach(System.out::println);
        }
        getLog().info("Checked " + result.checkedFiles() + " migration file(s) (" + result.analysedFiles()
                + " analysed, " + (result.checkedFiles() - result.analysedFiles()) + " from cache"
                + (result.skippedLocked() > 0 ? ", " + result.skippedLocked() + " locked skipped" : "") + "): "
                + result.findings().size() + " finding(s), " + blocking.size() + " at or above "
                + threshold.id()
                + (result.accepted() > 0
                        ? ", " + result.accepted() + " accepted at adoption (listed in " + result.acceptedFile() + ")"
                        : "")
                + "; reports in "
                + project.getBasedir().toPath().relativize(out.toAbsolutePath()));
        if (existing != null) {
            throw new MojoFailureException(blocking.size() + " migration "
                    + (blocking.size() == 1 ? "finding" : "findings") + " at or above " + threshold.id()
                    + " in an existing history, listed in "
                    + project.getBasedir()
                            .toPath()
                            .relativize(out.resolve("check.md").toAbsolutePath())
                    + " - run `mvn migration:adopt` to accept them, then new migrations are checked in full");
        }
        if (!blocking.isEmpty()) {
            throw new MojoFailureException(
                    blocking.size() + " migration " + (blocking.size() == 1 ? "finding" : "findings")
                            + " at or above " + threshold.id() + "; see above. Fix each, or allow it with"
                            + " -- migration:allow <check> reason=\"<why it is safe>\" on the line above the statement"
                            + releasedHint(blocking, check.layout().naming()));
        }
    }

    /**
     * When every migration is checked and some blocking findings are in released migrations: the options that leave
     * those out. Empty otherwise.
     */
    private String releasedHint(List<Finding> blocking, FlywayNaming naming) {
        if (onlyUnlocked) {
            return "";
        }
        ReleasedMigrations locked = ReleasedMigrations.fromLockFile(baseDir(), lockFile.toPath(), naming);
        long inReleased = blocking.stream()
                .filter(f -> locked.isReleased(f.path(), baseDir().resolve(f.path())))
                .count();
        if (inReleased == 0) {
            return "";
        }
        return ". " + inReleased + " of them " + (inReleased == 1 ? "is" : "are") + " in released (locked)"
                + " migrations: -Dmigration.onlyUnlocked=true checks only the migrations not released yet, and `mvn"
                + " migration:adopt -D" + Adoption.FORCE_PROPERTY + "=true` accepts the findings of released ones";
    }

    /** An environment variable; a method so tests can replace it. */
    protected String environment(String name) {
        return System.getenv(name);
    }

    private Severity threshold() throws MojoExecutionException {
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid failOn (migration.failOn): " + e.getMessage());
        }
    }

    private List<AllowList.Entry> entries() {
        return Allow.entries(allows);
    }

    private static String version() {
        String v = CheckMojo.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipCheck;
    }

    @Override
    protected String goalSkipProperty() {
        return "migration.check.skip";
    }
}
