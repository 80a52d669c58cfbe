package dev.migrationsafety.maven;

import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.di.Provides;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;

/**
 * What the harness tests of a mojo share: a real project in a temporary directory, injected as the mojo's project
 * and deleted after each test, and a mocked log.
 */
abstract class ProjectMojoTest {
    // created with the test instance: the harness asks for the project before any @BeforeEach runs
    protected final Path base = createProject();
    protected final Log log = mock(Log.class);

    /** The project's directory with its files; called while the test instance is built, so it uses no field. */
    protected abstract Path createProject();

    @AfterEach
    void deleteProject() throws IOException {
        TestProjects.delete(base);
    }

    @Provides
    MavenProject mavenProject() {
        return TestProjects.mavenProject(base);
    }

    /** What the log received at one level ({@code info}, {@code warn} or {@code error}), in order. */
    protected List<String> lines(String level) {
        return TestProjects.logged(log, level);
    }
}
