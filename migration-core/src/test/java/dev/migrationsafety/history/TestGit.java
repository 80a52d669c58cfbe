package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real git repositories for the tests, kept away from the machine's own git configuration. */
final class TestGit {
    private TestGit() {}

    /**
     * The environment for git in a test's temporary directory: no system or user configuration, and no repository
     * above the directory.
     */
    static Map<String, String> env(Path tempDir) {
        return Map.of(
                "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_CONFIG_GLOBAL", "/dev/null",
                "GIT_CEILING_DIRECTORIES", tempDir.getParent().toString());
    }

    /** {@code git init} on branch main, as a test user, unsigned commits, no line-ending conversion. */
    static void init(Path where, Map<String, String> env) {
        run(where, env, "init", "-q", "-b", "main");
        run(where, env, "config", "user.name", "test");
        run(where, env, "config", "user.email", "test@example.invalid");
        run(where, env, "config", "commit.gpgsign", "false");
        run(where, env, "config", "core.autocrlf", "false");
    }

    /** Runs git in the directory; fails the test with git's output when git fails. */
    static void run(Path where, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(cmd).directory(where.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
