package dev.migrationsafety.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Lists the files of one location as Maven's resource copy and Flyway see them: recursively, following symbolic links
 * (to files and to directories) whose target lies in the project. This is the one enumeration of the locations: the
 * rules and goals ({@link MigrationScanner}) and the round trip, which hands exactly these files to Flyway, share it.
 *
 * <p>What cannot be followed is reported as a {@link StrayFile}, never skipped: a link whose target leaves the project
 * (its content would run unchecked), a link to a directory that contains it (following it would loop), a broken
 * link, something that is not a regular file or cannot be read. Names starting with '.' are skipped, as the scanner
 * always did. Costs one walk and, per entry, one extra {@code lstat} to tell links apart.
 */
public final class LocationWalker {
    private LocationWalker() {}

    /**
     * Walks {@code root}; a missing root is empty, a root that is not a directory is a stray.
     *
     * @param files receives each regular file (through its path in the location, links not resolved) and its
     *     attributes
     * @throws UncheckedIOException when the location cannot be listed
     */
    public static void walk(
            MigrationLayout layout,
            Path root,
            LocationRole role,
            BiConsumer<Path, BasicFileAttributes> files,
            List<StrayFile> strays) {
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
        Bounds bounds = new Bounds(realPath(layout.baseDir()), realPath(root));
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            boolean top = dir.equals(root);
                            String name = dir.getFileName().toString();
                            if (!top && name.startsWith(".")) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (Files.isSymbolicLink(dir) && leaves(layout, dir, role, bounds, top, strays)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (!top && layout.naming().suffixOf(name) != null) {
                                strays.add(new StrayFile(
                                        dir,
                                        layout.display(dir),
                                        role,
                                        "is a directory named like a migration; Flyway expects a file here"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (file.getFileName().toString().startsWith(".")) {
                                return FileVisitResult.CONTINUE;
                            }
                            String display = layout.display(file);
                            if (attrs.isSymbolicLink()) {
                                // attributes of the link itself: its target could not be read
                                strays.add(new StrayFile(file, display, role, "is a broken symbolic link"));
                                return FileVisitResult.CONTINUE;
                            }
                            if (Files.isSymbolicLink(file) && leaves(layout, file, role, bounds, false, strays)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (!attrs.isRegularFile()) {
                                strays.add(new StrayFile(file, display, role, "is not a regular file"));
                                return FileVisitResult.CONTINUE;
                            }
                            files.accept(file, attrs);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (file.getFileName().toString().startsWith(".")) {
                                return FileVisitResult.CONTINUE;
                            }
                            String display = layout.display(file);
                            if (e instanceof FileSystemLoopException) {
                                strays.add(new StrayFile(file, display, role, loop(file, bounds)));
                            } else {
                                strays.add(new StrayFile(file, display, role, "cannot be read (" + e + ")"));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.display(root), e);
        }
    }

    /** Where links may point: into the project, or into the location itself (a location outside the project). */
    private record Bounds(Path project, Path location) {}

    /** Whether the link's target leaves the bounds; reports it when so. */
    private static boolean leaves(
            MigrationLayout layout, Path link, LocationRole role, Bounds bounds, boolean root, List<StrayFile> strays) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            strays.add(new StrayFile(link, layout.display(link), role, "is a broken symbolic link"));
            return true;
        }
        if (target.startsWith(bounds.project()) || (!root && target.startsWith(bounds.location()))) {
            return false;
        }
        strays.add(new StrayFile(
                link,
                layout.display(link),
                role,
                "is a symbolic link to " + linkText(link) + ", which leaves the project; Maven copies what it links"
                        + " to and Flyway runs it, but no rule can check it"));
        return true;
    }

    /** Why following a directory would loop: it is a link to one that contains it, or such a link lies above it. */
    private static String loop(Path dir, Bounds bounds) {
        if (Files.isSymbolicLink(dir)) {
            return "is a symbolic link to " + linkText(dir) + ", a directory that contains it; following it would loop";
        }
        Path real = realPath(dir);
        String shown = real.startsWith(bounds.project())
                ? bounds.project().relativize(real).toString().replace('\\', '/')
                : real.toString();
        return "is " + shown + " again, reached through a symbolic link above it; following it would loop";
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString().replace('\\', '/');
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
