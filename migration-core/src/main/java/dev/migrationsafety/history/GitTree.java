package dev.migrationsafety.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The files that git records under some directories at one ref, read with one {@code git ls-tree} call, and the
 * comparison of working files with them by git blob hash ({@code sha1("blob <size>\0" + bytes)}, or SHA-256 in a
 * SHA-256 repository). Paths are those of the project: relative to its base directory, which may lie below the root
 * of the repository (a module of a multi-module build).
 */
public final class GitTree {
    private static final HexFormat HEX = HexFormat.of();

    private final String ref;
    private final Map<String, String> blobs;

    private GitTree(String ref, Map<String, String> blobs) {
        this.ref = ref;
        this.blobs = blobs;
    }

    /** The ref as given, e.g. {@code HEAD} or {@code origin/main}. */
    public String ref() {
        return ref;
    }

    /** The regular files at the ref (path relative to the project, '/' separators) and their blob hashes. */
    public Map<String, String> blobs() {
        return blobs;
    }

    /**
     * Lists the files under {@code dirs} at {@code ref}.
     *
     * @param baseDir the project base directory; reported paths are relative to it
     * @param env variables to add to git's environment (tests isolate git with them); usually empty
     * @throws GitRecordException when git cannot run, the project is not in a work tree, a directory lies outside
     *     it, or the ref does not resolve
     */
    public static GitTree read(Path baseDir, String ref, Collection<Path> dirs, Map<String, String> env)
            throws GitRecordException {
        Path base = baseDir.toAbsolutePath().normalize();
        if (ref == null || ref.isBlank() || ref.startsWith("-")) {
            throw new GitRecordException(
                    "frozenBaseRef '" + ref + "' is not a git ref", "set frozenBaseRef to a branch, tag or commit");
        }
        Result where = run(base, env, List.of("git", "rev-parse", "--show-toplevel", "--show-prefix"));
        if (where.exit != 0) {
            throw new GitRecordException(
                    "cannot compare the migrations with git: `git rev-parse --show-toplevel` in " + base + " failed ("
                            + firstLine(where.err) + ")",
                    "run the build in a git clone, or run `mvn migration:lock` to record the released migrations in "
                            + "the lock file");
        }
        String[] lines = new String(where.out, StandardCharsets.UTF_8).split("\n", -1);
        Path top = Path.of(lines[0].strip());
        String prefix = lines.length > 1 ? lines[1].strip() : "";
        Path prefixPath = Path.of(prefix.isEmpty() ? "." : prefix).normalize();
        Set<String> specs = new LinkedHashSet<>();
        for (Path dir : dirs) {
            Path inRepo = prefixPath
                    .resolve(base.relativize(dir.toAbsolutePath().normalize()))
                    .normalize();
            if (inRepo.startsWith("..")) {
                throw new GitRecordException(
                        "cannot compare the migrations with git: " + dir + " is outside the git work tree " + top,
                        "keep the migrations in the repository, or run `mvn migration:lock` to record the released "
                                + "migrations in the lock file");
            }
            specs.add(inRepo.toString().isEmpty() ? "." : inRepo.toString().replace('\\', '/'));
        }
        List<String> cmd = new ArrayList<>(List.of("git", "ls-tree", "-r", "-z", "--full-name", ref, "--"));
        cmd.addAll(specs);
        Result tree = run(top, env, cmd);
        if (tree.exit != 0) {
            throw new GitRecordException(
                    "cannot compare the migrations with git: `git ls-tree " + ref + "` failed (" + firstLine(tree.err)
                            + ")",
                    "set frozenBaseRef to an existing ref (in a pull-request build fetch the target branch first, "
                            + "e.g. `git fetch origin main` and frozenBaseRef origin/main), or run "
                            + "`mvn migration:lock` to record the released migrations in the lock file");
        }
        return new GitTree(ref, parse(tree.out, prefixPath, base));
    }

    /** Parses {@code <mode> SP <type> SP <hash> TAB <path> NUL} records, keeping regular files. */
    private static Map<String, String> parse(byte[] out, Path prefix, Path base) {
        Map<String, String> blobs = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] != 0) {
                continue;
            }
            String record = new String(out, start, i - start, StandardCharsets.UTF_8);
            start = i + 1;
            int tab = record.indexOf('\t');
            String[] meta = record.substring(0, tab).split(" ");
            // 100644 and 100755 are files; 120000 (symlink) and 160000 (submodule) are not migrations
            if (!meta[1].equals("blob") || !meta[0].startsWith("100")) {
                continue;
            }
            Path inRepo = Path.of(record.substring(tab + 1));
            Path relative = prefix.relativize(inRepo).normalize();
            String display = relative.startsWith("..")
                    ? base.resolve(relative).normalize().toString()
                    : relative.toString();
            blobs.put(display.replace('\\', '/'), meta[2]);
        }
        return blobs;
    }

    /**
     * Whether a working file has the content of a blob: the same bytes, or the same once CRLF line endings become
     * LF (git may store normalised line endings while the checkout has CRLF).
     */
    public static boolean sameContent(Path file, String blobHash) throws IOException {
        for (String hash : hashes(file, blobHash.length() == 64)) {
            if (hash.equals(blobHash)) {
                return true;
            }
        }
        return false;
    }

    /** The file's blob hash and, if different, the blob hash of its content with CRLF turned into LF. */
    public static List<String> hashes(Path file, boolean sha256) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String rawHash = blobHash(raw, sha256);
        byte[] lf = crlfToLf(raw);
        return lf == raw ? List.of(rawHash) : List.of(rawHash, blobHash(lf, sha256));
    }

    /** How git names content: the hash of {@code "blob <size>\0"} followed by the bytes. */
    public static String blobHash(byte[] content, boolean sha256) {
        try {
            MessageDigest digest = MessageDigest.getInstance(sha256 ? "SHA-256" : "SHA-1");
            digest.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(digest.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1 and SHA-256", e);
        }
    }

    /** The content with each CRLF as LF; the same array when there is none. */
    static byte[] crlfToLf(byte[] raw) {
        int crlf = 0;
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                crlf++;
            }
        }
        if (crlf == 0) {
            return raw;
        }
        byte[] lf = new byte[raw.length - crlf];
        int j = 0;
        for (int i = 0; i < raw.length; i++) {
            if (!(raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n')) {
                lf[j++] = raw[i];
            }
        }
        return lf;
    }

    /** What git said: its exit code, standard output and standard error. */
    record Result(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs git in {@code dir} with {@code env} added to its environment, reading both its streams.
     *
     * @throws GitRecordException when git cannot be started or read, or the wait is interrupted
     */
    static Result run(Path dir, Map<String, String> env, List<String> cmd) throws GitRecordException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new GitRecordException(
                    "cannot compare the migrations with git: running `git` failed (" + e.getMessage() + ")",
                    "install git and put it on the PATH, or run `mvn migration:lock` to record the released "
                            + "migrations in the lock file");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] out = readAll(process.getInputStream());
            int exit = process.waitFor();
            return new Result(exit, out, new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            process.destroy();
            throw new GitRecordException(
                    "cannot compare the migrations with git: reading `" + String.join(" ", cmd) + "` failed ("
                            + e.getMessage() + ")",
                    "run `mvn migration:lock` to record the released migrations in the lock file");
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new GitRecordException("interrupted while running git", "run the build again");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
