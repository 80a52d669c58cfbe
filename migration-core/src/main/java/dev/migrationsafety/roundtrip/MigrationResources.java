package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationLayout;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the files of the migration locations, listed once per round trip. A view restricted to one versioned
 * migration (plus callbacks) lets step mode apply one migration without Flyway re-reading and re-validating the whole
 * history each time, which would make step mode quadratic in the number of migrations.
 *
 * <p>Repeatable ({@code R__}) migrations are left out in every mode: they have no down script to test, and on a
 * fresh database Flyway applies them only after all versioned migrations, so no versioned migration can depend on
 * one. Handing them to Flyway with each single step would apply a repeatable before the versioned migrations it
 * needs (a view over a column a later migration adds).
 */
final class MigrationResources implements ResourceProvider {
    private final List<FileResource> all;
    private final java.util.Set<String> onlyVersioned;

    private MigrationResources(List<FileResource> all, java.util.Set<String> onlyVersioned) {
        this.all = all;
        this.onlyVersioned = onlyVersioned;
    }

    static MigrationResources of(MigrationLayout layout) {
        List<FileResource> files = new ArrayList<>();
        for (Path dir : layout.migrationDirs()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .sorted()
                        .forEach(p -> files.add(
                                new FileResource(p, dir.relativize(p).toString().replace('\\', '/'))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + layout.display(dir), e);
            }
        }
        return new MigrationResources(List.copyOf(files), null);
    }

    /** The same files, but of the versioned migrations only the one with this file name. */
    MigrationResources only(String versionedFileName) {
        return new MigrationResources(all, java.util.Set.of(versionedFileName));
    }

    /** The same files, but of the versioned migrations only those with these file names. */
    MigrationResources only(java.util.Set<String> versionedFileNames) {
        return new MigrationResources(all, java.util.Set.copyOf(versionedFileNames));
    }

    boolean restricted() {
        return onlyVersioned != null;
    }

    @Override
    public LoadableResource getResource(String name) {
        return all.stream()
                .filter(r -> r.getRelativePath().equals(name) || r.getFilename().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> out = new ArrayList<>();
        for (FileResource r : all) {
            String name = r.getFilename();
            if (!name.startsWith(prefix) || !endsWithAny(name, suffixes)) {
                continue;
            }
            if (isRepeatable(name)) {
                continue;
            }
            if (onlyVersioned != null && isVersioned(name) && !onlyVersioned.contains(name)) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    private static boolean isRepeatable(String name) {
        return name.startsWith("R__");
    }

    private static boolean isVersioned(String name) {
        return name.length() > 1
                && (name.charAt(0) == 'V' || name.charAt(0) == 'U')
                && Character.isDigit(name.charAt(1));
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String s : suffixes) {
            if (name.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private static final class FileResource extends LoadableResource {
        private final Path path;
        private final String relative;

        FileResource(Path path, String relative) {
            this.path = path;
            this.relative = relative;
        }

        @Override
        public Reader read() {
            try {
                return Files.newBufferedReader(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return path.toString();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path.toString();
        }

        @Override
        public String getFilename() {
            return path.getFileName().toString();
        }

        @Override
        public String getRelativePath() {
            return relative;
        }
    }
}
