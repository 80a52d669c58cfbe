package dev.migrationsafety.enforcer.guard;

import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.sisu.Priority;

/** {@code migrationNaming} on Maven older than 3.9.6: see {@link OldMavenGuard}. */
@Named("migrationNaming")
@Priority(-1000)
public final class MigrationNamingGuard extends OldMavenGuard {
    @Inject
    public MigrationNamingGuard(RuntimeInformation runtime) {
        super(runtime, "migrationNaming");
    }
}
