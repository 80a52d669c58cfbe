package dev.migrationsafety.history;

import dev.migrationsafety.history.LockFileException.Problem;
import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.InvalidMigrationNameException;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationName;
import dev.migrationsafety.migration.MigrationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a lock file strictly: every damage is a {@link LockFileException} naming the line and the repair. */
public final class LockFileReader {
    private static final Pattern ENTRY =
            Pattern.compile("([VUBR]) (\\S+) sha256:([0-9a-f]{64}) crc32:(-?[0-9]{1,10}) (\\S.*)");
    private static final Pattern FORMAT = Pattern.compile("format ([0-9]{1,9})");
    private static final Pattern SUM = Pattern.compile("sum sha256:([0-9a-f]{64})");

    private final String displayPath;
    private final FlywayNaming naming;

    /** @param displayPath the lock file's path as reports show it, used in the advice */
    public LockFileReader(String displayPath) {
        this(displayPath, FlywayNaming.DEFAULT);
    }

    /**
     * @param displayPath the lock file's path as reports show it, used in the advice
     * @param naming how the project names its migrations, to read the entries' file names
     */
    public LockFileReader(String displayPath, FlywayNaming naming) {
        this.displayPath = displayPath;
        this.naming = naming;
    }

    public LockFile read(Path file) throws LockFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LockFileException(
                    Problem.UNREADABLE,
                    0,
                    "cannot be read (" + e.getMessage() + ")",
                    "check that it is a readable file, or restore it from version control");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    public LockFile parse(String text) throws LockFileException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = lines(text);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("<<<<<<<")
                    || l.startsWith(">>>>>>>")
                    || l.startsWith("|||||||")
                    || l.equals("=======")
                    || l.startsWith("======= ")) {
                throw new LockFileException(
                        Problem.CONFLICT,
                        i + 1,
                        "has git merge conflict markers: two branches each added migrations",
                        "keep the target branch's version of this file (git checkout <target-branch> -- "
                                + displayPath + "), run `mvn migration:rebase` to move your new migrations after "
                                + "the newest locked one, then `mvn migration:lock`, and commit");
            }
        }
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!l.isBlank() && !l.startsWith("#")) {
                data.add(i);
            }
        }
        String restore = "restore it from version control (git checkout -- " + displayPath
                + "); if it was never committed, delete it and run `mvn migration:lock`";
        if (data.isEmpty()) {
            throw new LockFileException(
                    Problem.TRUNCATED, 1, "is empty: it has no format line, entries or sum", restore);
        }
        int first = data.get(0);
        Matcher format = FORMAT.matcher(lines[first]);
        if (!format.matches()) {
            throw new LockFileException(
                    Problem.INVALID,
                    first + 1,
                    "expected 'format " + LockFile.FORMAT + "' as the first line after the comments, found '"
                            + abbreviate(lines[first]) + "'",
                    restore);
        }
        int version = Integer.parseInt(format.group(1));
        if (version != LockFile.FORMAT) {
            throw new LockFileException(
                    Problem.UNKNOWN_FORMAT,
                    first + 1,
                    "has format " + version + ", but this version of the migration tools reads format "
                            + LockFile.FORMAT,
                    version > LockFile.FORMAT
                            ? "upgrade migration-maven-plugin and migration-enforcer-rules to the version that wrote it"
                            : restore);
        }
        int last = data.get(data.size() - 1);
        Matcher sum = SUM.matcher(lines[last]);
        if (!sum.matches()) {
            int sumAt = -1;
            for (int i : data) {
                if (SUM.matcher(lines[i]).matches()) {
                    sumAt = i;
                }
            }
            if (sumAt >= 0) {
                throw new LockFileException(
                        Problem.INVALID,
                        last + 1,
                        "has text after its sum line: '" + abbreviate(lines[last]) + "'",
                        restore);
            }
            throw new LockFileException(
                    Problem.TRUNCATED,
                    last + 1,
                    "ends without its 'sum' line: the file is truncated (last line: '" + abbreviate(lines[last]) + "')",
                    restore);
        }
        List<String> body = new ArrayList<>();
        List<LockEntry> entries = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        body.add(lines[first]);
        for (int k = 1; k < data.size() - 1; k++) {
            int i = data.get(k);
            String l = lines[i];
            body.add(l);
            if (l.startsWith(LockFile.FORCED_PREFIX) && !entries.isEmpty()) {
                LockEntry previous = entries.remove(entries.size() - 1);
                entries.add(previous.withChecksums(previous.checksums(), l.substring(LockFile.FORCED_PREFIX.length())));
                continue;
            }
            entries.add(entry(l, i + 1, restore));
            if (!paths.add(entries.get(entries.size() - 1).path())) {
                throw new LockFileException(
                        Problem.INVALID,
                        i + 1,
                        "lists " + entries.get(entries.size() - 1).path() + " twice",
                        restore);
            }
        }
        String expected = LockFile.sum(body);
        if (!expected.equals(sum.group(1))) {
            throw new LockFileException(
                    Problem.SUM_MISMATCH,
                    last + 1,
                    "the sum does not match the entries: the file was edited by hand or merged by combining both "
                            + "sides of a conflict",
                    "restore it from version control, or keep the target branch's version (git checkout "
                            + "<target-branch> -- " + displayPath + "), then run `mvn migration:rebase` and "
                            + "`mvn migration:lock`");
        }
        return new LockFile(entries);
    }

    private LockEntry entry(String l, int line, String restore) throws LockFileException {
        Matcher m = ENTRY.matcher(l);
        if (!m.matches()) {
            throw new LockFileException(
                    Problem.INVALID,
                    line,
                    "is not a lock entry ('<kind> <version> sha256:<hex> crc32:<number> <path>'): '" + abbreviate(l)
                            + "'",
                    restore);
        }
        MigrationKind kind = MigrationKind.ofPrefix(m.group(1).charAt(0));
        String path = m.group(5);
        MigrationName name;
        try {
            name = MigrationName.parse(path.substring(path.lastIndexOf('/') + 1), naming);
        } catch (InvalidMigrationNameException e) {
            throw new LockFileException(
                    Problem.INVALID, line, "names a file that is not a migration: " + e.getMessage(), restore);
        }
        MigrationVersion version = null;
        if (kind == MigrationKind.REPEATABLE) {
            if (!m.group(2).equals("-")) {
                throw new LockFileException(
                        Problem.INVALID,
                        line,
                        "a repeatable entry has '-' as its version, not '" + m.group(2) + "'",
                        restore);
            }
        } else if (name.version() != null && name.version().text().equals(m.group(2))) {
            version = name.version(); // the usual case: written as in the file name, parsed once
        } else {
            try {
                version = MigrationVersion.parse(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new LockFileException(Problem.INVALID, line, e.getMessage(), restore);
            }
        }
        if (name.kind() != kind || (version != null && !version.equals(name.version()))) {
            throw new LockFileException(
                    Problem.INVALID,
                    line,
                    "the entry says " + kind.prefix() + " " + m.group(2) + " but its file name says "
                            + name.kind().prefix() + " "
                            + (name.version() == null ? "-" : name.version().text()),
                    restore);
        }
        long crc = Long.parseLong(m.group(4));
        if (crc < Integer.MIN_VALUE || crc > Integer.MAX_VALUE) {
            throw new LockFileException(Problem.INVALID, line, "crc32 " + crc + " is out of range", restore);
        }
        return new LockEntry(kind, version, path, new Checksums.Value(m.group(3), (int) crc), null, line);
    }

    /** Splits at \n, \r\n and \r, like a line reader (a final line ending gives a last empty line). */
    private static String[] lines(String text) {
        List<String> lines = new ArrayList<>(text.length() / 120 + 16);
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines.toArray(new String[0]);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
