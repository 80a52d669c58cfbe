package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.filesystem.FileSystemResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsTest {
    private static final String SQL = "-- Café: users\nCREATE TABLE users (\n  id BIGINT PRIMARY KEY,\n\n"
            + "  name VARCHAR(100) -- 'naïve; ok'\n);\nINSERT INTO users VALUES (1, 'Zoë');";

    @TempDir
    Path dir;

    private static int flywayCrc(Path file) {
        FileSystemResource resource = new FileSystemResource(
                new Location("filesystem:" + file.getParent()), file.toString(), StandardCharsets.UTF_8, false);
        return ChecksumCalculator.calculate(resource);
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lf", "crlf", "cr", "bom-lf", "bom-crlf", "trailing-newline", "bom-every-line", "empty"})
    void crc32IsFlywaysForEveryVariant(String variant) throws IOException {
        String text =
                switch (variant) {
                    case "lf" -> SQL;
                    case "crlf", "bom-crlf" -> SQL.replace("\n", "\r\n");
                    case "cr" -> SQL.replace("\n", "\r");
                    case "bom-lf" -> SQL;
                    case "trailing-newline" -> SQL + "\n\n";
                    case "bom-every-line" -> "\uFEFF" + SQL.replace("\n", "\n\uFEFF"); // only the first is dropped
                    case "empty" -> "";
                    default -> throw new IllegalArgumentException(variant);
                };
        if (variant.startsWith("bom-") && !variant.equals("bom-every-line")) {
            text = "\uFEFF" + text;
        }
        Path file = write("V1__x.sql", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(flywayCrc(file), Checksums.of(file).crc32());
    }

    @Test
    void lineEndingsAndBomDoNotChangeEitherChecksum() throws IOException {
        Checksums.Value lf = Checksums.of(SQL.getBytes(StandardCharsets.UTF_8));
        for (String variant : new String[] {
            SQL.replace("\n", "\r\n"), "\uFEFF" + SQL, "\uFEFF" + SQL.replace("\n", "\r\n") + "\r\n", SQL + "\n"
        }) {
            assertEquals(lf, Checksums.of(variant.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void contentChangesChangeBothChecksums() {
        Checksums.Value a = Checksums.of(SQL.getBytes(StandardCharsets.UTF_8));
        Checksums.Value b = Checksums.of(SQL.replace("100", "200").getBytes(StandardCharsets.UTF_8));
        assertNotEquals(a.sha256(), b.sha256());
        assertNotEquals(a.crc32(), b.crc32());
        // Flyway's crc32 ignores blank lines; the sha256 does not
        Checksums.Value blank = Checksums.of(SQL.replace("\n\n", "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(a.crc32(), blank.crc32());
        assertNotEquals(a.sha256(), blank.sha256());
    }

    @Test
    void sha256IsOverNormalisedLines() {
        // printf 'a\nb\n' | sha256sum
        assertEquals(
                "911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2",
                Checksums.of("\uFEFFa\r\nb".getBytes(StandardCharsets.UTF_8)).sha256());
    }

    @Test
    void crc32IsWhatFlywayRecordsWhenItResolvesTheMigrations() throws IOException {
        write("V1__lf.sql", "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n".getBytes(StandardCharsets.UTF_8));
        write("V2__crlf.sql", "CREATE TABLE c (id INT);\r\n-- Zoë\r\n".getBytes(StandardCharsets.UTF_8));
        write("V3__bom.sql", "\uFEFFCREATE TABLE d (id INT);\n".getBytes(StandardCharsets.UTF_8));
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:h2:mem:checksums;DB_CLOSE_DELAY=-1", "sa", "")
                .locations("filesystem:" + dir)
                .load();
        MigrationInfo[] all = flyway.info().all();
        assertEquals(3, all.length);
        for (MigrationInfo info : all) {
            Path file = dir.resolve(info.getScript());
            assertEquals(info.getChecksum(), Checksums.of(file).crc32(), info.getScript());
        }
    }
}
