package dev.migrationsafety.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a project keeps its migrations: the Flyway locations (directories scanned recursively, as Flyway does)
 * and the directory of the down (undo) scripts, all resolved against the project base directory.
 *
 * @param baseDir the project base directory; report paths are relative to it
 * @param migrationDirs the directories Flyway reads, in configuration order
 * @param undoDir the directory of {@code U} files; equal to a migration directory in the adjacent layout
 * @param naming how the project names its migration files (Flyway's {@code sqlMigrationPrefix} and friends)
 */
public record MigrationLayout(Path baseDir, List<Path> migrationDirs, Path undoDir, FlywayNaming naming) {
    /** Flyway's default location. */
    public static final String DEFAULT_LOCATION = "classpath:db/migration";
    /** Our default for down scripts: outside Flyway's locations, because open-source Flyway rejects U files. */
    public static final String DEFAULT_UNDO_LOCATION = "classpath:db/undo";
    /** The undo location value that puts down scripts next to their migrations (Flyway Teams layout). */
    public static final String ADJACENT = "adjacent";

    public MigrationLayout {
        baseDir = baseDir.toAbsolutePath().normalize();
        migrationDirs = migrationDirs.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .toList();
        undoDir = undoDir.toAbsolutePath().normalize();
        Objects.requireNonNull(naming, "naming");
        if (migrationDirs.isEmpty()) {
            throw new IllegalArgumentException("no migration location configured");
        }
    }

    /** A layout with Flyway's default file names. */
    public MigrationLayout(Path baseDir, List<Path> migrationDirs, Path undoDir) {
        this(baseDir, migrationDirs, undoDir, FlywayNaming.DEFAULT);
    }

    /** The same directories with the project's file naming. */
    public MigrationLayout withNaming(FlywayNaming naming) {
        return new MigrationLayout(baseDir, migrationDirs, undoDir, naming);
    }

    /** The default layout of a Maven project: {@code src/main/resources/db/migration} and {@code db/undo}. */
    public static MigrationLayout defaults(Path baseDir) {
        return resolve(baseDir, List.of(DEFAULT_LOCATION), DEFAULT_UNDO_LOCATION, List.of());
    }

    /**
     * Resolves Flyway location strings: {@code classpath:db/migration} (or a bare {@code db/migration}, which
     * Flyway also reads as a classpath location) against the project's resource directories, and
     * {@code filesystem:path} against the base directory.
     *
     * @param resourceDirs the project's resource directories; empty means {@code src/main/resources}
     * @param undoLocation a location string, or {@link #ADJACENT} (or blank) for the first migration location
     * @throws IllegalArgumentException for a location this tool cannot read (e.g. {@code s3:}), saying so
     */
    public static MigrationLayout resolve(
            Path baseDir, List<String> locations, String undoLocation, List<Path> resourceDirs) {
        Objects.requireNonNull(baseDir, "baseDir");
        List<Path> resources = resourceDirs == null || resourceDirs.isEmpty()
                ? List.of(baseDir.resolve("src/main/resources"))
                : resourceDirs.stream().map(baseDir::resolve).toList();
        List<String> locs = locations == null || locations.isEmpty() ? List.of(DEFAULT_LOCATION) : locations;
        Set<Path> dirs = new LinkedHashSet<>();
        for (String location : locs) {
            dirs.addAll(resolveLocation(baseDir, location, resources));
        }
        List<Path> migrationDirs = new ArrayList<>(dirs);
        Path undo;
        if (undoLocation == null || undoLocation.isBlank() || ADJACENT.equals(undoLocation.strip())) {
            undo = migrationDirs.get(0);
        } else {
            undo = resolveLocation(baseDir, undoLocation, resources).get(0);
        }
        return new MigrationLayout(baseDir, migrationDirs, undo);
    }

    private static List<Path> resolveLocation(Path baseDir, String location, List<Path> resources) {
        String loc = location.strip();
        String lower = loc.toLowerCase(Locale.ROOT);
        if (lower.startsWith("filesystem:")) {
            String path = loc.substring("filesystem:".length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("location '" + location + "' names no directory");
            }
            return List.of(baseDir.resolve(path));
        }
        String path = lower.startsWith("classpath:") ? loc.substring("classpath:".length()) : loc;
        int colon = path.indexOf(':');
        if (colon > 1) {
            throw new IllegalArgumentException("location '" + location + "' uses the '" + path.substring(0, colon)
                    + ":' scheme, which this tool cannot read; use classpath: or filesystem: locations");
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isBlank()) {
            throw new IllegalArgumentException("location '" + location + "' names no directory");
        }
        List<Path> found = new ArrayList<>();
        for (Path resource : resources) {
            Path candidate = resource.resolve(path);
            if (Files.isDirectory(candidate)) {
                found.add(candidate);
            }
        }
        if (found.isEmpty()) {
            found.add(resources.get(0).resolve(path));
        }
        return found;
    }

    /** Whether down scripts live in a Flyway location (the paid-edition layout). */
    public boolean adjacentUndo() {
        return migrationDirs.contains(undoDir);
    }

    /** The first migration directory: where new migrations are written. */
    public Path primaryMigrationDir() {
        return migrationDirs.get(0);
    }

    /** A path as reports show it: relative to the base directory with '/' separators (absolute if outside). */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path shown = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
