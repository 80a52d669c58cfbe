package dev.migrationsafety.enforcer.guard;

import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * What Maven older than 3.9.6 finds under a rule's name. The rules are compiled for Java 17, and the component
 * container of older Maven (Sisu 0.3) skips such classes without a word, so maven-enforcer-plugin would only say
 * "Failed to create enforcer rules with name: migrationNaming". This class is compiled for Java 8 so that old
 * Maven sees it, and fails with one line that says what to do. On Maven 3.9.6 and newer the real rule, ranked
 * higher, is used instead and this class is never created.
 *
 * <p>It takes every parameter the real rule takes, as raw configuration it never reads (but {@code skip}), so that
 * a configured rule reaches {@link #execute()} instead of failing on an unknown parameter. Java 8 source on purpose:
 * no code of migration-core (Java 17) may be used here.
 */
abstract class OldMavenGuard extends AbstractEnforcerRule {
    /** The oldest Maven the rules run on. */
    static final String MINIMUM = "3.9.6";

    private final RuntimeInformation runtime;
    private final String rule;

    // the parameters of every migration rule, accepted and left alone
    private PlexusConfiguration locations;
    private PlexusConfiguration undoLocation;
    private PlexusConfiguration flywayConfig;
    private PlexusConfiguration timestampPattern;
    private PlexusConfiguration maxSlugLength;
    private PlexusConfiguration lockFile;
    private String skip;

    OldMavenGuard(RuntimeInformation runtime, String rule) {
        this.runtime = runtime;
        this.rule = rule;
    }

    @Override
    public void execute() throws EnforcerRuleError {
        if ("true".equalsIgnoreCase(skip == null ? null : skip.trim())) {
            return;
        }
        String version = runtime == null ? null : runtime.getMavenVersion();
        throw new EnforcerRuleError(message(rule, version));
    }

    static String message(String rule, String mavenVersion) {
        String running = mavenVersion == null || mavenVersion.isEmpty() ? "an older Maven" : "Maven " + mavenVersion;
        return "[" + rule + "] needs Maven " + MINIMUM + " or newer, and this build runs on " + running
                + " - upgrade Maven, or run the build through a Maven wrapper pinned to a current release"
                + " (mvn wrapper:wrapper, then ./mvnw)";
    }

    @Override
    public String getCacheId() {
        return null;
    }

    @Override
    public String toString() {
        return rule + " (needs Maven " + MINIMUM + " or newer)";
    }
}
