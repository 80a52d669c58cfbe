package dev.migrationsafety.maven;

import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.io.IOException;
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
}
