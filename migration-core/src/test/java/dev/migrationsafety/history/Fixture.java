package dev.migrationsafety.history;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project on disk with the default layout, for the history tests. */
final class Fixture {
    static final String MIGRATIONS = "src/main/resources/db/migration/";
    static final String UNDO = "src/main/resources/db/undo/";
    static final String LOCK = "src/main/resources/db/migrations.lock";

    final Path base;
    final FlywayNaming naming;

    Fixture(Path base) {
        this(base, FlywayNaming.DEFAULT);
    }

    /** A project that names its migrations in its own way. */
    Fixture(Path base, FlywayNaming naming) {
        this.base = base;
        this.naming = naming;
    }

    /** Writes a file relative to the project; returns this. */
    Fixture file(String path, String content) {
        try {
            Path file = base.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A migration and its down script. */
    Fixture pair(String version, String slug) {
        return file(
                        MIGRATIONS + naming.fileName(MigrationKind.VERSIONED, version, slug),
                        "CREATE TABLE " + slug + " (id INT);\n")
                .file(UNDO + naming.fileName(MigrationKind.UNDO, version, slug), "DROP TABLE " + slug + ";\n");
    }

    Fixture delete(String path) {
        try {
            Files.delete(base.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MigrationLayout layout() {
        return MigrationLayout.defaults(base).withNaming(naming);
    }

    ProjectHistory history() {
        return ProjectHistory.load(layout(), base.resolve(LOCK));
    }

    /** Runs the lock goal's logic and writes the lock file; fails if it refused. */
    Fixture lock() {
        try {
            Locker.Result result = new Locker(false, null).update(history());
            if (result.refused()) {
                throw new AssertionError("lock refused: " + result.refusals());
            }
            return file(LOCK, result.lock().render(LOCK));
        } catch (LockFileException e) {
            throw new AssertionError(e);
        }
    }

    String read(String path) {
        try {
            return Files.readString(base.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
