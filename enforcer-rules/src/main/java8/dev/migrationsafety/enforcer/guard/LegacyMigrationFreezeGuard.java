package dev.migrationsafety.enforcer.guard;

import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.eclipse.sisu.Priority;

/** {@code legacyMigrationFreeze} on Maven older than 3.9.6: see {@link OldMavenGuard}. */
@Named("legacyMigrationFreeze")
@Priority(-1000)
public final class LegacyMigrationFreezeGuard extends OldMavenGuard {
    // the rule's own parameters, accepted and left alone
    private PlexusConfiguration frozenThrough;
    private PlexusConfiguration frozenBaseRef;

    @Inject
    public LegacyMigrationFreezeGuard(RuntimeInformation runtime) {
        super(runtime, "legacyMigrationFreeze");
    }
}
