package dev.migrationsafety.maven;

import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;

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
     * A project in a new temporary directory holding the given files (path relative to the project, text), written
     * in the order given.
     */
    static Path project(String prefix, Map<String, String> files) {
        try {
            Path base = Files.createTempDirectory(prefix);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = base.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A project with two migrations in the default layout, a table and an index on it, and their downs; the index's
     * down is given (a test of a failing round trip gives a wrong one).
     */
    static Path usersProject(String prefix, String indexDown) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "src/main/resources/db/migration/V1__create_users.sql",
                "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100));\n");
        files.put("src/main/resources/db/undo/U1__create_users.sql", "DROP TABLE users;\n");
        files.put(
                "src/main/resources/db/migration/V2__users_name_index.sql",
                "CREATE INDEX users_name_idx ON users (name);\n");
        files.put("src/main/resources/db/undo/U2__users_name_index.sql", indexDown);
        return project(prefix, files);
    }

    /** Every text a mocked log received, at any level, in order. */
    static List<String> loggedAtAnyLevel(Log log) {
        List<String> lines = new ArrayList<>();
        for (Invocation i : Mockito.mockingDetails(log).getInvocations()) {
            for (Object argument : i.getArguments()) {
                lines.add(String.valueOf(argument));
            }
        }
        return lines;
    }
}
