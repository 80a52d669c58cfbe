package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrationsafety.history.ReleasedMigrations;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.schema.GraphFilter;
import dev.migrationsafety.schema.GraphRun;
import dev.migrationsafety.schema.MigrationAnalyzer;
import dev.migrationsafety.schema.render.GraphFormat;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No thread this project starts outlives the entry point that started it: Maven closes a plugin's class realm
 * after the mojo or rule returns, and a thread of ours still running then fails with {@code NoClassDefFoundError}
 * (a stack trace after a failed build). Checked after a normal return and after a failure, for the check run
 * (rule and {@code migration:check}) and the graph run ({@code migration:graph}).
 */
class NoThreadOutlivesRunTest {
    @TempDir
    Path base;

    private MigrationLayout layout;

    @BeforeEach
    void project() throws IOException {
        Path migrations = Files.createDirectories(base.resolve("src/main/resources/db/migration"));
        // statements the parser really reads (a DELETE with WHERE is parsed, not left to the tokens alone)
        Files.writeString(
                migrations.resolve("V1__users.sql"),
                "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nDELETE FROM users WHERE id = 1;\n");
        Files.writeString(migrations.resolve("V2__drop.sql"), "UPDATE users SET email = lower(email) WHERE id > 0;\n");
        layout = MigrationLayout.defaults(base);
    }

    private ProjectCheck check() {
        return new ProjectCheck(
                layout, base.resolve("migrations.lock"), Dialect.POSTGRESQL, Severity.HIGH, true, List.of(), null);
    }

    private GraphRun.Options graph(Path out) {
        return new GraphRun.Options(
                Dialect.POSTGRESQL, null, GraphFilter.all(), null, Set.of(GraphFormat.JSON), out, 100);
    }

    private static List<String> ourThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("migration-"))
                .sorted()
                .toList();
    }

    @Test
    void checkRun() {
        assertEquals(2, check().run().checkedFiles());
        assertEquals(List.of(), ourThreads());
    }

    @Test
    void checkRunThatFails() {
        FileAnalyzer failing = (path, content, dialect) -> {
            StandardFileAnalyzer.INSTANCE.analyze(path, content, dialect);
            throw new AssertionError("analysis failed on purpose");
        };
        assertThrows(AssertionError.class, () -> check().run(failing, ReleasedMigrations.none()));
        assertEquals(List.of(), ourThreads());
    }

    @Test
    void graphRun() throws IOException {
        GraphRun.run(
                new MigrationScanner().scan(layout),
                MigrationAnalyzer.of(new SqlAnalysis(), Dialect.POSTGRESQL),
                graph(base.resolve("target/graph")));
        assertEquals(List.of(), ourThreads());
    }

    @Test
    void graphRunThatFails() throws IOException {
        Path notADirectory = Files.writeString(base.resolve("occupied"), "a file where the output directory goes");
        assertThrows(
                IOException.class,
                () -> GraphRun.run(
                        new MigrationScanner().scan(layout),
                        MigrationAnalyzer.of(new SqlAnalysis(), Dialect.POSTGRESQL),
                        graph(notADirectory)));
        assertEquals(List.of(), ourThreads());
    }
}
