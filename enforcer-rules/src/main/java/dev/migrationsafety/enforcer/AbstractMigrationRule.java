package dev.migrationsafety.enforcer;

import dev.migrationsafety.config.ConfigFileException;
import dev.migrationsafety.config.ConfigSource;
import dev.migrationsafety.config.EffectiveConfiguration;
import dev.migrationsafety.config.FlywayKeys;
import dev.migrationsafety.config.ProjectConfigFiles;
import dev.migrationsafety.config.Setting;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.NamingPolicy;
import dev.migrationsafety.report.Finding;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * The shared part of the migration rules: where the migrations are, how they are named, the skip switch, and
 * reporting violations one line each followed by one summary failure. Configuration fields are set by the
 * enforcer from the rule's XML element.
 */
public abstract class AbstractMigrationRule extends AbstractEnforcerRule {
    /** Default lock file, beside the migrations. */
    public static final String DEFAULT_LOCK_FILE = "src/main/resources/db/migrations.lock";

    /**
     * Flyway locations, as in the plugin's {@code locations} parameter. Default: as the plugin's, Flyway's own
     * configuration where the project keeps one, else {@code classpath:db/migration}.
     */
    private List<String> locations;

    /**
     * Whether the locations are read from Flyway's configuration when not set here, as in the plugin's
     * {@code flywayConfig} parameter. Default: the property {@code migration.flywayConfig}, else {@code true}.
     */
    private Boolean flywayConfig;

    /** Down-script location, as in the plugin's {@code undoLocation}. Default {@code classpath:db/undo}. */
    private String undoLocation;

    /** Timestamp pattern of new versions, as in the plugin. Default {@code yyyyMMddHHmmss}. */
    private String timestampPattern = NamingPolicy.DEFAULT_TIMESTAMP_PATTERN;

    /** Longest description slug. Default 64. */
    private int maxSlugLength = NamingPolicy.DEFAULT_MAX_SLUG_LENGTH;

    /** The lock file, relative to the project. Default {@code src/main/resources/db/migrations.lock}. */
    private String lockFile;

    /** Skips this rule; {@code -Dmigration.skip=true} skips every migration rule. */
    private boolean skip;

    protected final MavenProject project;
    protected final MavenSession session;

    protected AbstractMigrationRule(MavenProject project, MavenSession session) {
        this.project = project;
        this.session = session;
    }

    @Override
    public final void execute() throws EnforcerRuleException {
        if (skip || Boolean.parseBoolean(property("migration.skip"))) {
            getLog().info("Skipping " + getClass().getSimpleName() + ": migration.skip is true");
            return;
        }
        run();
    }

    /** The rule's work: call {@link #report} with what it found. */
    protected abstract void run() throws EnforcerRuleException;

    /** A user, system or project property, in Maven's order of precedence; {@code null} if unset. */
    protected String property(String name) {
        if (session != null) {
            String value = session.getUserProperties().getProperty(name);
            if (value != null) {
                return value;
            }
            value = session.getSystemProperties().getProperty(name);
            if (value != null) {
                return value;
            }
        }
        return project == null ? null : project.getProperties().getProperty(name);
    }

    protected Path baseDir() {
        return project.getBasedir().toPath();
    }

    protected MigrationLayout layout() throws EnforcerRuleError {
        List<Path> resourceDirs = project.getBuild() == null
                ? List.of()
                : project.getBuild().getResources().stream()
                        .map(Resource::getDirectory)
                        .map(Path::of)
                        .toList();
        EffectiveConfiguration config = configuration(resourceDirs);
        try {
            FlywayNaming naming = config.naming();
            // unset means our default (db/undo), not the adjacent layout that resolve() gives a null location
            return MigrationLayout.resolve(
                            baseDir(),
                            config.locations(),
                            undoLocation != null ? undoLocation : MigrationLayout.DEFAULT_UNDO_LOCATION,
                            resourceDirs)
                    .withNaming(naming);
        } catch (ConfigFileException e) {
            throw new EnforcerRuleError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new EnforcerRuleError("Invalid migration location: " + e.getMessage() + " (locations from "
                    + config.setting(FlywayKeys.LOCATIONS).origin() + ")");
        }
    }

    /** The Flyway settings as the plugin's goals resolve them, with this rule's locations on top. */
    private EffectiveConfiguration configuration(List<Path> resourceDirs) throws EnforcerRuleError {
        List<ConfigSource> sources = new ArrayList<>();
        if (locations != null && !locations.isEmpty()) {
            sources.add(new ConfigSource(
                    "rule",
                    Map.of(
                            FlywayKeys.LOCATIONS,
                            new Setting(String.join(",", locations), "rule parameter locations"))));
        }
        boolean readFlyway =
                flywayConfig != null ? flywayConfig : !"false".equalsIgnoreCase(property("migration.flywayConfig"));
        if (readFlyway) {
            sources.add(FlywayConfigSources.properties(session, project));
            sources.add(FlywayConfigSources.pom(project));
            try {
                sources.addAll(ProjectConfigFiles.read(baseDir(), resourceDirs));
            } catch (ConfigFileException e) {
                throw new EnforcerRuleError(e.getMessage());
            } catch (UncheckedIOException e) {
                throw new EnforcerRuleError(e.getMessage() + ": " + e.getCause().getMessage(), e);
            }
        }
        return EffectiveConfiguration.resolve(sources);
    }

    protected NamingPolicy namingPolicy() throws EnforcerRuleError {
        try {
            return new NamingPolicy(timestampPattern, maxSlugLength);
        } catch (IllegalArgumentException e) {
            throw new EnforcerRuleError("Invalid naming configuration: " + e.getMessage());
        }
    }

    /** The lock file: the {@code lockFile} setting, else property {@code migration.lockFile}, else the default. */
    protected Path lockFilePath() {
        String configured = lockFile != null ? lockFile : property("migration.lockFile");
        return baseDir()
                .resolve(configured != null ? configured : DEFAULT_LOCK_FILE)
                .normalize();
    }

    /**
     * Scans the migrations and reads the lock file.
     *
     * @throws EnforcerRuleError when a location cannot be listed
     */
    protected ProjectHistory history() throws EnforcerRuleError {
        try {
            return ProjectHistory.load(layout(), lockFilePath());
        } catch (UncheckedIOException e) {
            throw new EnforcerRuleError(e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Logs each finding as one line ({@link Finding#format()}) at the rule's level, then fails with one summary.
     */
    protected void report(List<Finding> findings) throws EnforcerRuleException {
        if (findings.isEmpty()) {
            return;
        }
        for (Finding finding : findings) {
            getLog().warnOrError(finding.format());
        }
        int n = findings.size();
        throw new EnforcerRuleException(n + " migration " + (n == 1 ? "violation" : "violations") + "; see above");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + commonSettings() + "]";
    }

    /** The shared settings, for the subclasses' {@code toString()}. */
    protected String commonSettings() {
        return "locations=" + locations + ", flywayConfig=" + flywayConfig + ", undoLocation=" + undoLocation
                + ", timestampPattern=" + timestampPattern + ", maxSlugLength=" + maxSlugLength + ", lockFile="
                + lockFile + ", skip=" + skip;
    }
}
