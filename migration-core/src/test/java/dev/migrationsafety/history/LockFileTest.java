package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.history.LockFileException.Problem;
import dev.migrationsafety.migration.MigrationKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LockFileTest {
    @TempDir
    Path dir;

    Fixture project;
    String text;

    @BeforeEach
    void lockThreeMigrations() {
        project = new Fixture(dir)
                .pair("20260101120000", "create_users")
                .pair("20260102120000", "add_email")
                .file(Fixture.MIGRATIONS + "R__views.sql", "CREATE VIEW v AS SELECT 1;\n")
                .lock();
        text = project.read(Fixture.LOCK);
    }

    private LockFile parse(String content) throws LockFileException {
        return new LockFileReader(Fixture.LOCK).parse(content);
    }

    @Test
    void writesSortedEntriesWithHeaderFormatAndSum() throws LockFileException {
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("# Migration lock file"), lines.get(0));
        assertTrue(text.contains("# A git merge conflict in this file means that two branches each added migrations"));
        assertTrue(text.contains("git checkout <target-branch> -- " + Fixture.LOCK));
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("format 1", data.get(0));
        assertTrue(data.get(1).startsWith("V 20260101120000 sha256:"), data.get(1));
        assertTrue(data.get(1).endsWith(" " + Fixture.MIGRATIONS + "V20260101120000__create_users.sql"));
        assertTrue(data.get(2).startsWith("U 20260101120000 sha256:"), data.get(2));
        assertTrue(data.get(3).startsWith("V 20260102120000 "), data.get(3));
        assertTrue(data.get(4).startsWith("U 20260102120000 "), data.get(4));
        assertTrue(data.get(5).startsWith("R - sha256:"), data.get(5));
        assertTrue(data.get(6).matches("sum sha256:[0-9a-f]{64}"), data.get(6));
        assertEquals(7, data.size());

        LockFile lock = parse(text);
        assertEquals(5, lock.entries().size());
        assertEquals(MigrationKind.REPEATABLE, lock.entries().get(4).kind());
        assertEquals(text, lock.render(Fixture.LOCK), "reading and writing again gives the same text");
        assertEquals(lock.entries(), parse(text.replace("\n", "\r\n")).entries(), "CRLF checkouts read the same");
    }

    @Test
    void twoBranchesThatEachAddAMigrationChangeTheSumLine() {
        String a = new Fixture(dir.resolve("a"))
                .pair("20260101120000", "x")
                .pair("20260201", "a")
                .lock()
                .read(Fixture.LOCK);
        String b = new Fixture(dir.resolve("b"))
                .pair("20260101120000", "x")
                .pair("20260202", "b")
                .lock()
                .read(Fixture.LOCK);
        String base =
                new Fixture(dir.resolve("c")).pair("20260101120000", "x").lock().read(Fixture.LOCK);
        String sumA = a.lines().reduce((x, y) -> y).orElseThrow();
        String sumB = b.lines().reduce((x, y) -> y).orElseThrow();
        String sumBase = base.lines().reduce((x, y) -> y).orElseThrow();
        assertTrue(sumA.startsWith("sum ") && !sumA.equals(sumB) && !sumA.equals(sumBase) && !sumB.equals(sumBase));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "conflict    | CONFLICT       | has git merge conflict markers",
                "truncated   | TRUNCATED      | ends without its 'sum' line",
                "empty       | TRUNCATED      | is empty",
                "format2     | UNKNOWN_FORMAT | has format 2",
                "noformat    | INVALID        | expected 'format 1'",
                "garbage     | INVALID        | is not a lock entry",
                "edited      | SUM_MISMATCH   | the sum does not match the entries",
                "afterSum    | INVALID        | has text after its sum line",
                "wrongName   | INVALID        | but its file name says",
                "duplicate   | INVALID        | twice",
                "badVersion  | INVALID        | contains 'x'",
            })
    void damagedFilesNameTheLine(String damage, Problem problem, String message) {
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        int formatLine = lines.indexOf("format 1");
        int firstEntry = formatLine + 1;
        int expectedLine;
        switch (damage) {
            case "conflict" -> {
                lines.add(firstEntry, "<<<<<<< HEAD");
                expectedLine = firstEntry + 1;
            }
            case "truncated" -> {
                String entry = lines.get(firstEntry + 2);
                while (lines.size() > firstEntry + 2) {
                    lines.remove(lines.size() - 1);
                }
                lines.add(entry.substring(0, 30));
                expectedLine = lines.size();
            }
            case "empty" -> {
                lines.clear();
                expectedLine = 1;
            }
            case "format2" -> {
                lines.set(formatLine, "format 2");
                expectedLine = formatLine + 1;
            }
            case "noformat" -> {
                lines.remove(formatLine);
                expectedLine = formatLine + 1;
            }
            case "garbage" -> {
                lines.set(firstEntry, "hello world");
                expectedLine = firstEntry + 1;
            }
            case "edited" -> {
                lines.set(firstEntry, lines.get(firstEntry).replaceFirst("sha256:.", "sha256:0"));
                lines.set(firstEntry, lines.get(firstEntry).replaceFirst("sha256:0", "sha256:1"));
                expectedLine = lines.size();
            }
            case "afterSum" -> {
                lines.add("V 3 sha256:" + "0".repeat(64) + " crc32:1 V3__x.sql");
                expectedLine = lines.size();
            }
            case "wrongName" -> {
                lines.set(firstEntry, lines.get(firstEntry).replace("V 20260101120000", "V 20260101120001"));
                expectedLine = firstEntry + 1;
            }
            case "duplicate" -> {
                lines.add(firstEntry, lines.get(firstEntry));
                expectedLine = firstEntry + 2;
            }
            case "badVersion" -> {
                lines.set(firstEntry, lines.get(firstEntry).replace("V 20260101120000", "V 2026x"));
                expectedLine = firstEntry + 1;
            }
            default -> throw new IllegalArgumentException(damage);
        }
        LockFileException e = assertThrows(LockFileException.class, () -> parse(String.join("\n", lines) + "\n"));
        assertEquals(problem, e.problem());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(expectedLine, e.line(), e.getMessage());
        assertTrue(!e.fix().isBlank());
    }

    @Test
    void conflictAdviceSaysHowToResolve() {
        LockFileException e =
                assertThrows(LockFileException.class, () -> parse(text.replace("format 1\n", "format 1\n=======\n")));
        assertEquals(
                "keep the target branch's version of this file (git checkout <target-branch> -- "
                        + Fixture.LOCK + "), run `mvn migration:rebase` to move your new migrations after the "
                        + "newest locked one, then `mvn migration:lock`, and commit",
                e.fix());
    }
}
