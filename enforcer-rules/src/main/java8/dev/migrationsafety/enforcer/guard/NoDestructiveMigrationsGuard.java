package dev.migrationsafety.enforcer.guard;

import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.eclipse.sisu.Priority;

/** {@code noDestructiveMigrations} on Maven older than 3.9.6: see {@link OldMavenGuard}. */
@Named("noDestructiveMigrations")
@Priority(-1000)
public final class NoDestructiveMigrationsGuard extends OldMavenGuard {
    // the rule's own parameters, accepted and left alone
    private PlexusConfiguration failOn;
    private PlexusConfiguration includeLocked;
    private PlexusConfiguration baseRef;
    private PlexusConfiguration dialect;
    private PlexusConfiguration allows;
    private PlexusConfiguration cache;

    @Inject
    public NoDestructiveMigrationsGuard(RuntimeInformation runtime) {
        super(runtime, "noDestructiveMigrations");
    }
}
