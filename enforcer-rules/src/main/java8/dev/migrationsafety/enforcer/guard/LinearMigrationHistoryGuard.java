package dev.migrationsafety.enforcer.guard;

import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.eclipse.sisu.Priority;

/** {@code linearMigrationHistory} on Maven older than 3.9.6: see {@link OldMavenGuard}. */
@Named("linearMigrationHistory")
@Priority(-1000)
public final class LinearMigrationHistoryGuard extends OldMavenGuard {
    // the rule's own parameters, accepted and left alone
    private PlexusConfiguration requireLocked;

    @Inject
    public LinearMigrationHistoryGuard(RuntimeInformation runtime) {
        super(runtime, "linearMigrationHistory");
    }
}
