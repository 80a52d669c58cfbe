package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void readsUtf8AndStripsTheByteOrderMark() throws IOException {
        byte[] body = "-- Größe\nSELECT '大小';\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        SqlFileContent content = SqlFiles.read(write("V1__bom.sql", withBom), "db/V1__bom.sql");
        assertTrue(content.readable());
        assertEquals("-- Größe\nSELECT '大小';\n", content.content());
        assertEquals(List.of(), content.problems());
        SplitResult split = new SqlSplitter(Dialect.POSTGRESQL).splitFile(dir.resolve("V1__bom.sql"), "db/V1__bom.sql");
        assertEquals(2, split.statements().get(0).line());
        assertEquals(1, split.statements().get(0).column());
    }

    @Test
    void reportsTheFirstLineWithBytesThatAreNotUtf8() throws IOException {
        byte[] latin1 = "SELECT 1;\nSELECT 2;\nCOMMENT ON TABLE t IS 'Gr\u00f6\u00dfe';\nSELECT '\u00e9';\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        SqlFileContent content = SqlFiles.read(write("V2__latin1.sql", latin1), "db/V2__latin1.sql");
        assertNull(content.content());
        SqlProblem problem = content.problems().get(0);
        assertEquals(SqlProblem.Kind.NOT_UTF8, problem.kind());
        assertEquals("db/V2__latin1.sql", problem.path());
        assertEquals(3, problem.line());
        assertEquals(26, problem.column());
        assertTrue(problem.fix().contains("UTF-8"));
    }

    @Test
    void reportsATruncatedMultiByteSequenceAtTheEnd() {
        byte[] bytes = {'S', 'E', 'L', 'E', 'C', 'T', '\n', (byte) 0xE5, (byte) 0xA4};
        SqlFileContent content = SqlFiles.decode(bytes, "f.sql");
        assertEquals(SqlProblem.Kind.NOT_UTF8, content.problems().get(0).kind());
        assertEquals(2, content.problems().get(0).line());
    }

    @Test
    void refusesBinaryFiles() throws IOException {
        byte[] bytes = "PK\u0003\u0004 header\nline two\u0000\u0000 rest".getBytes(StandardCharsets.ISO_8859_1);
        SqlFileContent content = SqlFiles.read(write("V3__archive.sql", bytes), "db/V3__archive.sql");
        assertNull(content.content());
        SqlProblem problem = content.problems().get(0);
        assertEquals(SqlProblem.Kind.BINARY, problem.kind());
        assertEquals(2, problem.line());
        SplitResult split =
                new SqlSplitter(Dialect.POSTGRESQL).splitFile(dir.resolve("V3__archive.sql"), "db/V3__archive.sql");
        assertEquals(List.of(), split.statements());
        assertEquals(List.of(problem), split.problems());
    }

    @Test
    void reportsAMissingFileWithoutThrowing() {
        SqlFileContent content = SqlFiles.read(dir.resolve("nope.sql"), "db/nope.sql");
        assertEquals(SqlProblem.Kind.UNREADABLE, content.problems().get(0).kind());
        assertEquals(0, content.problems().get(0).line());
    }

    @Test
    void refusesAFileLargerThanAGigabyteWithoutReadingIt() throws IOException {
        Path huge = dir.resolve("V5__huge.sql");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(SqlFiles.MAX_BYTES + 1); // sparse: nothing is written
        }
        SqlFileContent content = SqlFiles.read(huge, "db/V5__huge.sql");
        assertNull(content.content());
        assertEquals(SqlProblem.Kind.UNREADABLE, content.problems().get(0).kind());
        assertTrue(content.problems().get(0).message().contains("1024 MB"), content.problems()::toString);
    }

    /** 50 MB of realistic migration SQL: read, split and count; must be linear (a few seconds at most). */
    @Test
    void handlesAFiftyMegabyteFile() throws IOException {
        Path big = dir.resolve("V4__big.sql");
        String[] chunk = {
            "-- Name: t; Type: TABLE\nCREATE TABLE t%d (id bigint PRIMARY KEY, name text NOT NULL, note text);\n",
            "INSERT INTO t%d (id, name, note) VALUES (1, 'a;b', E'it\\'s'), (2, 'x', $$;$$);\n",
            "CREATE FUNCTION f%d() RETURNS void AS $body$ BEGIN DELETE FROM t; END $body$ LANGUAGE plpgsql;\n",
            "/* block; /* nested */ */ ALTER TABLE t%d ADD COLUMN c int, DROP COLUMN note;\n"
        };
        StringBuilder block = new StringBuilder();
        int perBlock = 0;
        while (block.length() < 1024 * 1024) {
            block.append(chunk[perBlock % chunk.length].replace("%d", Integer.toString(perBlock)));
            perBlock++;
        }
        byte[] blockBytes = block.toString().getBytes(StandardCharsets.UTF_8);
        int blocks = 50;
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < blocks; i++) {
                out.write(blockBytes);
            }
        }
        int expected = perBlock * blocks;
        int linesPerBlock = perBlock + (perBlock + 3) / 4;
        long startNanos = System.nanoTime();
        int[] count = {0};
        int[] maxLine = {0};
        SqlFileContent content = SqlFiles.read(big, "db/V4__big.sql");
        new SqlSplitter(Dialect.POSTGRESQL).split("db/V4__big.sql", content.content(), s -> {
            count[0]++;
            maxLine[0] = s.line();
        });
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        assertEquals(expected, count[0]);
        assertEquals(linesPerBlock * blocks, maxLine[0]);
        assertTrue(millis < 30_000, "50 MB took " + millis + " ms");
    }
}
