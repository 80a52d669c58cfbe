package dev.migrationsafety.maven;

import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.mockito.ArgumentCaptor;

/** The real Maven project the harness injects into a mojo under test: one in a temporary directory. */
final class TestProjects {
    private TestProjects() {}

    /** A project {@code example:app:1} at {@code base}, building to {@code target/} with {@code src/main/resources}. */
    static MavenProject mavenProject(Path base) {
        Model model = new Model();
        model.setGroupId("example");
        model.setArtifactId("app");
        model.setVersion("1");
        Build build = new Build();
        build.setDirectory(base.resolve("target").toString());
        Resource resources = new Resource();
        resources.setDirectory(base.resolve("src/main/resources").toString());
        build.addResource(resources);
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(base.resolve("pom.xml").toFile());
        return project;
    }

    /** Deletes the project directory and everything in it. */
    static void delete(Path base) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What a mocked log received at one level ({@code info}, {@code warn} or {@code error}), in order. */
    static List<String> logged(Log log, String level) {
        ArgumentCaptor<CharSequence> captor = ArgumentCaptor.forClass(CharSequence.class);
        switch (level) {
            case "info" -> verify(log, atLeastOnce()).info(captor.capture());
            case "warn" -> verify(log, atLeastOnce()).warn(captor.capture());
            default -> verify(log, atLeastOnce()).error(captor.capture());
        }
        List<String> out = new ArrayList<>();
        captor.getAllValues().forEach(c -> out.add(c.toString()));
        return out;
    }

    /**
     * A project with two migrations in the default layout, a table and an index on it, and their downs; the index's
     * down is given (a test of a failing round trip gives a wrong one).
     */
    static Path usersProject(String prefix, String indexDown) {
        try {
            Path base = Files.createTempDirectory(prefix);
            Path up = Files.createDirectories(base.resolve("src/main/resources/db/migration"));
            Path down = Files.createDirectories(base.resolve("src/main/resources/db/undo"));
            Files.writeString(
                    up.resolve("V1__create_users.sql"),
                    "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100));\n");
            Files.writeString(down.resolve("U1__create_users.sql"), "DROP TABLE users;\n");
            Files.writeString(up.resolve("V2__users_name_index.sql"), "CREATE INDEX users_name_idx ON users (name);\n");
            Files.writeString(down.resolve("U2__users_name_index.sql"), indexDown);
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
