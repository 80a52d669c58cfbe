package dev.migrationsafety.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The generated projects of the benchmarks: created in temporary directories, deleted after the trial. */
final class BenchFiles {
    /** Where the default layout keeps the migrations and the down scripts, relative to the project. */
    static final String MIGRATIONS = "src/main/resources/db/migration";

    static final String UNDO = "src/main/resources/db/undo";

    private BenchFiles() {}

    /** A new project in a temporary directory, with the default layout's migration and undo folders. */
    static Path defaultProject(String prefix) throws IOException {
        Path base = Files.createTempDirectory(prefix);
        Files.createDirectories(base.resolve(MIGRATIONS));
        Files.createDirectories(base.resolve(UNDO));
        return base;
    }

    /** Deletes a directory and everything in it; nothing where it does not exist. */
    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
