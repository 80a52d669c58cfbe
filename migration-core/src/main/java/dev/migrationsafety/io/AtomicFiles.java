package dev.migrationsafety.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * File writes that readers never see half done, and that never overwrite what they must not. The content goes to a
 * temporary file {@code .<name><digits>.tmp} next to the target, which is then moved or linked into place. Files are
 * created the way any other program of the user would create them: with the permissions the user's umask gives (not
 * the owner-only ones of {@link Files#createTempFile}), and a replaced file keeps its own. A temporary file that an
 * interrupted write of the same target left behind is removed by the next write.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How often a write starts again when another writer of the same target removed its temporary file. */
    private static final int ATTEMPTS = 10;

    private AtomicFiles() {}

    /**
     * Replaces (or creates) a file atomically: the content goes to a temporary file in the same directory, which
     * is then renamed over the target. Parent directories are created.
     */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path dir = prepare(target);
        for (int attempt = 1; ; attempt++) {
            Path tmp = temporary(dir, target, content);
            try {
                keepPermissions(target, tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return;
            } catch (NoSuchFileException e) {
                // a concurrent write of the same target took our temporary file for a leftover: write it again
                if (attempt == ATTEMPTS || Files.exists(tmp)) {
                    throw e;
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Creates a new file with the content, failing if it exists; the file appears with its whole content or not
     * at all (written to a temporary file, then linked into place).
     *
     * @throws FileAlreadyExistsException if the target exists, whoever created it
     */
    public static void createNew(Path target, String content) throws IOException {
        Path dir = prepare(target);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            Path tmp = temporary(dir, target, bytes);
            try {
                // a hard link fails if the target exists: atomic create-new with full content
                Files.createLink(target, tmp);
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (NoSuchFileException e) {
                if (attempt == ATTEMPTS || Files.exists(tmp)) {
                    throw e;
                }
            } catch (UnsupportedOperationException | IOException e) {
                // file systems without hard links: exclusive create, then write
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                    out.write(bytes);
                }
                return;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Creates the target's directory and removes the temporary files earlier writes of the target left there. */
    private static Path prepare(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Pattern ours =
                Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "[0-9]{1,20}\\.tmp");
        DirectoryStream.Filter<Path> leftover =
                p -> ours.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, leftover)) {
            for (Path p : stream) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // still open on a system that cannot delete open files: the next write tries again
                }
            }
        }
        return dir;
    }

    /**
     * A new file {@code .<target name><digits>.tmp} holding the content, created like any new file (its permissions
     * are what the umask leaves of read and write for all).
     */
    private static Path temporary(Path dir, Path target, byte[] content) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + target.getFileName() + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            OutputStream out;
            try {
                out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            try (out) {
                out.write(content);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return tmp;
        }
    }

    /** A file that replaces another keeps the permissions the user gave the one it replaces (POSIX systems). */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
        } catch (NoSuchFileException e) {
            if (!Files.exists(tmp)) {
                throw e;
            }
            // the target does not exist (yet): the new file keeps the umask's permissions
        }
    }
}
