package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals called directly, with their parameters set as Maven would from the defaults. */
class HistoryMojosTest {
    static final String M = "src/main/resources/db/migration/";
    static final String U = "src/main/resources/db/undo/";
    static final String LOCK = "src/main/resources/db/migrations.lock";

    @TempDir
    Path dir;

    MavenProject project;

    @BeforeEach
    void project() throws IOException {
        project = mock(MavenProject.class);
        when(project.getBasedir()).thenReturn(dir.toFile());
        write(M + "V20260101120000__create_users.sql", "CREATE TABLE users (id INT);\n");
        write(U + "U20260101120000__create_users.sql", "DROP TABLE users;\n");
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private <T extends AbstractMojo> T configured(T mojo) throws ReflectiveOperationException {
        set(mojo, "locations", List.of("classpath:db/migration"));
        set(mojo, "undoLocation", "classpath:db/undo");
        if (mojo instanceof RebaseMojo) {
            set(mojo, "timestampPattern", "yyyyMMddHHmmss"); // the goals that name migrations have it
        }
        set(mojo, "lockFile", LOCK);
        return mojo;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field f = type.getDeclaredField(name);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    @Test
    void lockWritesTheFileAndLeavesItAloneWhenUpToDate() throws Exception {
        configured(new LockMojo(project)).execute();
        String text = Files.readString(dir.resolve(LOCK));
        assertTrue(text.contains(" " + M + "V20260101120000__create_users.sql\n"), text);
        assertTrue(text.contains(" " + U + "U20260101120000__create_users.sql\n"), text);
        long modified = Files.getLastModifiedTime(dir.resolve(LOCK)).toMillis();
        Thread.sleep(20);
        configured(new LockMojo(project)).execute();
        assertEquals(modified, Files.getLastModifiedTime(dir.resolve(LOCK)).toMillis());
    }

    @Test
    void lockReportsADamagedLockFileWithItsLine() throws Exception {
        configured(new LockMojo(project)).execute();
        Path lock = dir.resolve(LOCK);
        Files.writeString(lock, Files.readString(lock).replace("format 1", "format 7"));
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> configured(new LockMojo(project))
                .execute());
        assertEquals(
                LOCK + ":12: has format 7, but this version of the migration tools reads format 1 - upgrade "
                        + "migration-maven-plugin and migration-enforcer-rules to the version that wrote it",
                e.getMessage());
    }

    @Test
    void lockSkipsWithItsOwnProperty() throws Exception {
        LockMojo mojo = configured(new LockMojo(project));
        set(mojo, "skipLock", true);
        mojo.execute();
        assertFalse(Files.exists(dir.resolve(LOCK)));
    }

    @Test
    void rebaseRenamesAnOvertakenMigrationAndItsDown() throws Exception {
        write(M + "V20260110120000__from_main.sql", "CREATE TABLE main (id INT);\n");
        write(U + "U20260110120000__from_main.sql", "DROP TABLE main;\n");
        configured(new LockMojo(project)).execute();
        write(M + "V20260105120000__mine.sql", "CREATE TABLE mine (id INT);\n");
        write(U + "U20260105120000__mine.sql", "DROP TABLE mine;\n");
        configured(new RebaseMojo(project)).execute();
        assertFalse(Files.exists(dir.resolve(M + "V20260105120000__mine.sql")));
        try (var files = Files.list(dir.resolve(M))) {
            String renamed = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("__mine.sql"))
                    .findFirst()
                    .orElseThrow();
            String version = renamed.substring(1, renamed.indexOf("__"));
            assertTrue(version.compareTo("20260110120000") > 0, renamed);
            assertTrue(Files.exists(dir.resolve(U + "U" + version + "__mine.sql")));
        }
        configured(new LockMojo(project)).execute();
    }

    @Test
    void rebaseWithFrozenThroughMovesANewFileInTheLockedFrozenRange() throws Exception {
        configured(new LockMojo(project)).execute();
        // newer than the newest locked version, but at or below frozenThrough: only frozenThrough makes it move
        write(M + "V20260101120000.5__sneaky.sql", "DELETE FROM users;\n");
        RebaseMojo plain = configured(new RebaseMojo(project));
        plain.execute();
        assertTrue(Files.exists(dir.resolve(M + "V20260101120000.5__sneaky.sql")));
        RebaseMojo mojo = configured(new RebaseMojo(project));
        set(mojo, "frozenThrough", "20260102000000");
        mojo.execute();
        assertFalse(Files.exists(dir.resolve(M + "V20260101120000.5__sneaky.sql")));
        try (var files = Files.list(dir.resolve(M))) {
            String renamed = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("__sneaky.sql"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(renamed.substring(1, renamed.indexOf("__")).compareTo("20260102000000") > 0, renamed);
        }
        assertTrue(Files.exists(dir.resolve(M + "V20260101120000__create_users.sql")), "locked files stay");
    }

    @Test
    void rebaseRefusesAnInvalidFrozenThrough() throws Exception {
        RebaseMojo mojo = configured(new RebaseMojo(project));
        set(mojo, "frozenThrough", "1.x");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Invalid frozenThrough: "), e.getMessage());
    }
}
