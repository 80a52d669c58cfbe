package dev.migrationsafety.flyway;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.LocationRole;
import dev.migrationsafety.migration.LocationWalker;
import dev.migrationsafety.migration.MigrationLayout;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the files of the migration locations, listed once per round trip. A view restricted to one versioned
 * migration (plus callbacks) lets step mode apply one migration without Flyway re-reading and re-validating the whole
 * history each time, which would make step mode quadratic in the number of migrations. The restricted view is
 * re-pointed with {@link #select} rather than rebuilt, so that one Flyway instance serves every step.
 *
 * <p>Repeatable ({@code R__}, or the project's repeatable prefix) migrations are left out in every mode: they have no down script to test, and on a
 * fresh database Flyway applies them only after all versioned migrations, so no versioned migration can depend on
 * one. Handing them to Flyway with each single step would apply a repeatable before the versioned migrations it
 * needs (a view over a column a later migration adds).
 */
public final class MigrationResources implements ResourceProvider {
    private final List<FileResource> all;
    /** Everything but the versioned and repeatable migrations: callbacks and their {@code .conf} files. */
    private final List<FileResource> others;

    private final Map<String, List<FileResource>> versioned;
    private final FlywayNaming naming;
    private final boolean restricted;
    private List<FileResource> selected = List.of();

    private MigrationResources(List<FileResource> all, FlywayNaming naming, boolean restricted) {
        this.all = all;
        this.naming = naming;
        this.restricted = restricted;
        this.others = all.stream()
                .filter(r -> !isVersioned(r.getFilename()) && !isRepeatable(r.getFilename()))
                .toList();
        Map<String, List<FileResource>> byName = new HashMap<>();
        all.stream().filter(r -> isVersioned(r.getFilename())).forEach(r -> byName.computeIfAbsent(
                        r.getFilename(), n -> new ArrayList<>())
                .add(r));
        this.versioned = byName;
    }

    /**
     * Lists the locations with {@link LocationWalker}, the walk the rules use, so Flyway gets exactly the files they
     * checked: links inside the project followed, a link that leaves it left out (the naming rule reports it).
     */
    public static MigrationResources of(MigrationLayout layout) {
        List<FileResource> files = new ArrayList<>();
        for (Path dir : layout.migrationDirs()) {
            List<Path> found = new ArrayList<>();
            LocationWalker.walk(layout, dir, LocationRole.MIGRATIONS, (p, attrs) -> found.add(p), new ArrayList<>());
            found.stream()
                    .sorted()
                    .forEach(p -> files.add(
                            new FileResource(p, dir.relativize(p).toString().replace('\\', '/'))));
        }
        return new MigrationResources(List.copyOf(files), layout.naming(), false);
    }

    /**
     * The same files, but of the versioned migrations only the one last {@link #select selected} (none until then).
     */
    public MigrationResources restrictedView() {
        return new MigrationResources(all, naming, true);
    }

    /** Points a restricted view at this versioned migration (by file name). */
    public void select(String versionedFileName) {
        select(List.of(versionedFileName));
    }

    /** Points a restricted view at these versioned migrations (by file name). */
    public void select(Collection<String> versionedFileNames) {
        if (!restricted) {
            throw new IllegalStateException("only a restricted view selects a migration");
        }
        List<FileResource> files = new ArrayList<>();
        versionedFileNames.forEach(name -> files.addAll(versioned.getOrDefault(name, List.of())));
        selected = files;
    }

    /**
     * Points a restricted view at the migrations a database's history says are applied, for a replay of them: these
     * versioned migrations and these repeatable ones (by file name), plus the callbacks. Unlike the round trip's
     * selections this one hands Flyway repeatable migrations too; on a fresh database Flyway applies them after the
     * versioned ones, as it did in production.
     */
    public void selectApplied(Collection<String> versionedFileNames, Collection<String> repeatableFileNames) {
        select(versionedFileNames);
        List<FileResource> files = new ArrayList<>(selected);
        all.stream()
                .filter(r -> isRepeatable(r.getFilename()) && repeatableFileNames.contains(r.getFilename()))
                .forEach(files::add);
        selected = files;
    }

    /** Whether the locations hold any Flyway SQL callback, which may change the schema between migrations. */
    public boolean hasCallbacks() {
        return others.stream().anyMatch(r -> !r.getFilename().endsWith(".conf"));
    }

    boolean restricted() {
        return restricted;
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
        for (FileResource r : restricted ? others : all) {
            if (isRepeatable(r.getFilename())) {
                continue;
            }
            if (matches(r, prefix, suffixes)) {
                out.add(r);
            }
        }
        if (restricted) {
            for (FileResource r : selected) {
                if (matches(r, prefix, suffixes)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static boolean matches(FileResource r, String prefix, String[] suffixes) {
        String name = r.getFilename();
        return name.startsWith(prefix) && endsWithAny(name, suffixes);
    }

    private boolean isRepeatable(String name) {
        return name.startsWith(naming.repeatablePrefix() + naming.separator());
    }

    /** A versioned migration or a down script: its prefix, then a digit. */
    private boolean isVersioned(String name) {
        return startsWithVersion(name, naming.prefix()) || startsWithVersion(name, FlywayNaming.UNDO_PREFIX);
    }

    private static boolean startsWithVersion(String name, String prefix) {
        return name.length() > prefix.length()
                && name.startsWith(prefix)
                && Character.isDigit(name.charAt(prefix.length()));
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
        private final String fileName;

        FileResource(Path path, String relative) {
            this.path = path;
            this.relative = relative;
            this.fileName = path.getFileName().toString();
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
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return relative;
        }
    }
}
