package dev.migrationsafety.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the migration files in a {@link MigrationLayout}, recursively like Flyway, in time linear in the number of
 * files. It reads names and file attributes only, never contents.
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
        if (!Files.isDirectory(root)) {
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                strays.add(new StrayFile(
                        root,
                        layout.display(root),
                        role,
                        "is configured as a migration location but is not a directory"));
            }
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) {
                        String name = dir.getFileName().toString();
                        if (name.startsWith(".")) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (name.endsWith(MigrationName.SUFFIX)) {
                            strays.add(new StrayFile(
                                    dir,
                                    layout.display(dir),
                                    role,
                                    "is a directory named like a migration; Flyway expects a file here"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    visit(layout, root, file, attrs, role, files, strays);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    strays.add(new StrayFile(file, layout.display(file), role, "cannot be read (" + e + ")"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.display(root), e);
        }
    }

    private void visit(
            MigrationLayout layout,
            Path root,
            Path file,
            BasicFileAttributes attrs,
            LocationRole role,
            List<MigrationFile> files,
            List<StrayFile> strays) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || ignoredNames.contains(name)) {
            return;
        }
        String display = layout.display(file);
        if (attrs.isSymbolicLink()) {
            Path target;
            try {
                target = file.toRealPath();
            } catch (IOException e) {
                strays.add(new StrayFile(file, display, role, "is a broken symbolic link"));
                return;
            }
            Path base;
            try {
                base = layout.baseDir().toRealPath();
            } catch (IOException e) {
                base = layout.baseDir();
            }
            if (!target.startsWith(base)) {
                strays.add(new StrayFile(
                        file,
                        display,
                        role,
                        "is a symbolic link to " + target + ", outside the project; keep migrations in the project"));
                return;
            }
            if (Files.isDirectory(target)) {
                return;
            }
        } else if (!attrs.isRegularFile()) {
            strays.add(new StrayFile(file, display, role, "is not a regular file"));
            return;
        }
        if (role == LocationRole.MIGRATIONS && (CallbackScript.isCallback(name) || isScriptConfig(name))) {
            return;
        }
        MigrationName parsed;
        try {
            parsed = MigrationName.parse(name);
        } catch (InvalidMigrationNameException e) {
            strays.add(new StrayFile(file, display, role, e.reason()));
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
    static boolean isScriptConfig(String name) {
        if (!name.endsWith(MigrationName.SUFFIX + ".conf")) {
            return false;
        }
        String script = name.substring(0, name.length() - ".conf".length());
        if (CallbackScript.isCallback(script)) {
            return true;
        }
        try {
            MigrationName.parse(script);
            return true;
        } catch (InvalidMigrationNameException e) {
            return false;
        }
    }
}
