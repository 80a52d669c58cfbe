package dev.migrationsafety.migration;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the migration files in a {@link MigrationLayout}, recursively like Flyway, in time linear in the number of
 * files. It reads names and file attributes only, never contents. The walk itself, links included, is
 * {@link LocationWalker}'s.
 */
public final class MigrationScanner {
    private final Set<String> ignoredNames;

    /** @param ignoredNames file names that belong in the locations but are not migrations (e.g. the lock file) */
    public MigrationScanner(Set<String> ignoredNames) {
        this.ignoredNames = Set.copyOf(ignoredNames);
    }

    public MigrationScanner() {
        this(Set.of());
    }

    /**
     * Scans every location of the layout; missing locations are simply empty.
     *
     * @throws UncheckedIOException when a location cannot be listed
     */
    public MigrationSet scan(MigrationLayout layout) {
        List<MigrationFile> files = new ArrayList<>();
        List<StrayFile> strays = new ArrayList<>();
        for (Path dir : layout.migrationDirs()) {
            scanDir(layout, dir, LocationRole.MIGRATIONS, files, strays);
        }
        if (!layout.adjacentUndo()) {
            scanDir(layout, layout.undoDir(), LocationRole.UNDO, files, strays);
        }
        return new MigrationSet(layout, files, strays);
    }

    private void scanDir(
            MigrationLayout layout, Path root, LocationRole role, List<MigrationFile> files, List<StrayFile> strays) {
        LocationWalker.walk(layout, root, role, (file, attrs) -> visit(layout, file, role, files, strays), strays);
    }

    private void visit(
            MigrationLayout layout, Path file, LocationRole role, List<MigrationFile> files, List<StrayFile> strays) {
        String name = file.getFileName().toString();
        if (ignoredNames.contains(name)) {
            return;
        }
        String display = layout.display(file);
        FlywayNaming naming = layout.naming();
        if (role == LocationRole.MIGRATIONS
                && (CallbackScript.isCallback(name, naming) || isScriptConfig(name, naming))) {
            return;
        }
        MigrationName parsed;
        try {
            parsed = MigrationName.parse(name, naming);
        } catch (InvalidMigrationNameException e) {
            strays.add(new StrayFile(file, display, role, e.reason(), e.suggestion()));
            return;
        }
        if (!Files.isReadable(file)) {
            strays.add(new StrayFile(file, display, role, "cannot be read: check its permissions"));
            return;
        }
        files.add(new MigrationFile(file, display, parsed, role));
    }

    /**
     * Whether a file is Flyway's per-script configuration ({@code V1__x.sql.conf}, {@code afterMigrate.sql.conf}):
     * the {@code .conf} of a migration or callback name, e.g. {@code executeInTransaction=false}.
     */
    static boolean isScriptConfig(String name, FlywayNaming naming) {
        if (!name.endsWith(".conf")) {
            return false;
        }
        String script = name.substring(0, name.length() - ".conf".length());
        if (naming.suffixOf(script) == null) {
            return false;
        }
        if (CallbackScript.isCallback(script, naming)) {
            return true;
        }
        try {
            MigrationName.parse(script, naming);
            return true;
        } catch (InvalidMigrationNameException e) {
            return false;
        }
    }
}
