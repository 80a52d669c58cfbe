package dev.migrationsafety.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Where the round trip's url and password come from. Maven's debug output ({@code -X}) prints the value of every
 * mojo parameter ({@code (f) password = ...}) and the plugin configuration of the POM, so neither is read through a
 * parameter that a user property fills: the password is read when the goal runs, from the user property
 * {@code migration.password}, the environment variable {@code MIGRATION_PASSWORD} or the {@code serverId}'s server in
 * the settings; the url, which may hold a password of its own, from the user property {@code migration.url} when the
 * POM configures none.
 */
final class ConnectionSettings {
    static final String URL_PROPERTY = "migration.url";
    static final String PASSWORD_PROPERTY = "migration.password";
    static final String PASSWORD_VARIABLE = "MIGRATION_PASSWORD";

    private static final String PLUGIN_KEY = "dev.migrationsafety:migration-maven-plugin";

    private ConnectionSettings() {}

    /** The url: the one of the plugin configuration, else the property {@code migration.url}; null when none. */
    static String url(String configured, MavenSession session, MavenProject project) {
        String url = configured == null || configured.isBlank() ? property(session, project, URL_PROPERTY) : configured;
        return url == null || url.isBlank() ? null : url.strip();
    }

    /** A password and where it came from, for the debug log. */
    record Password(String value, String source) {}

    /**
     * The password given outside the settings' servers: the property {@code migration.password} (command line,
     * MAVEN_OPTS, a profile of the settings), else the environment variable {@code MIGRATION_PASSWORD}; null when
     * neither is set.
     */
    static Password password(MavenSession session, MavenProject project) {
        String password = property(session, project, PASSWORD_PROPERTY);
        if (password != null && !password.isEmpty()) {
            return new Password(password, "the property " + PASSWORD_PROPERTY);
        }
        password = session == null ? null : get(session.getSystemProperties(), "env." + PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty()) {
            return new Password(password, "the environment variable " + PASSWORD_VARIABLE);
        }
        return null;
    }

    /**
     * Refuses a {@code <password>} in this plugin's configuration in the POM: Maven prints that configuration with
     * {@code -X}, and the POM is shared with everyone who reads the repository.
     */
    static void refuseConfiguredPassword(MavenProject project) throws MojoExecutionException {
        Plugin plugin = project.getPlugin(PLUGIN_KEY);
        if (plugin == null) {
            return;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(plugin.getConfiguration());
        for (PluginExecution execution : plugin.getExecutions()) {
            configurations.add(execution.getConfiguration());
        }
        for (Object configuration : configurations) {
            if (configuration instanceof Xpp3Dom dom && dom.getChild("password") != null) {
                throw new MojoExecutionException(where(project, dom.getChild("password"))
                        + "<password> in the configuration of migration-maven-plugin is not read: Maven prints the"
                        + " plugin configuration with -X, so a password there ends up in debug logs (and it is"
                        + " shared with everyone who reads the POM); remove it and pass the password in the"
                        + " environment variable " + PASSWORD_VARIABLE + ", with -D" + PASSWORD_PROPERTY
                        + ", or through a <server> of settings.xml named by serverId");
            }
        }
    }

    /** {@code pom.xml:12: } when Maven kept where the element was, else nothing. */
    private static String where(MavenProject project, Xpp3Dom element) {
        if (element.getInputLocation() instanceof InputLocation location
                && location.getLineNumber() > 0
                && project.getFile() != null) {
            return project.getFile().getName() + ":" + location.getLineNumber() + ": ";
        }
        return "";
    }

    /** A property the way Maven resolves {@code ${name}}: user properties, system properties, then the project's. */
    private static String property(MavenSession session, MavenProject project, String name) {
        String value = session == null ? null : get(session.getUserProperties(), name);
        if (value == null && session != null) {
            value = get(session.getSystemProperties(), name);
        }
        if (value == null && project != null) {
            value = get(project.getProperties(), name);
        }
        return value;
    }

    private static String get(Properties properties, String name) {
        return properties == null ? null : properties.getProperty(name);
    }
}
