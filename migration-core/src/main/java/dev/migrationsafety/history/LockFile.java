package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lock file {@code migrations.lock}: which migration files are locked, with their checksums. Plain text, one
 * line per file sorted by version, and a last line with a sum over all entries, so that two branches that each lock
 * a new migration always produce a git merge conflict here instead of merging silently.
 *
 * @param entries the entries, sorted by version (repeatables last, by path)
 */
public record LockFile(List<LockEntry> entries) {
    /** The format this version writes and reads. */
    public static final int FORMAT = 1;

    static final String FORMAT_PREFIX = "format ";
    static final String SUM_PREFIX = "sum sha256:";
    static final String FORCED_PREFIX = "  forced: ";

    static final Comparator<LockEntry> ORDER = Comparator.<LockEntry, Boolean>comparing(
                    e -> e.kind() == MigrationKind.REPEATABLE)
            .thenComparing(LockEntry::version, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(LockEntry::kind)
            .thenComparing(LockEntry::path);

    public LockFile {
        entries = entries.stream().sorted(ORDER).toList();
    }

    public static LockFile empty() {
        return new LockFile(List.of());
    }

    /** Entries by path. */
    public Map<String, LockEntry> byPath() {
        Map<String, LockEntry> map = new HashMap<>(entries.size() * 2);
        for (LockEntry e : entries) {
            map.put(e.path(), e);
        }
        return map;
    }

    /** The locked versioned or baseline entry with the highest version. */
    public Optional<LockEntry> newestVersioned() {
        LockEntry newest = null;
        for (LockEntry e : entries) {
            if ((e.kind() == MigrationKind.VERSIONED || e.kind() == MigrationKind.BASELINE)
                    && (newest == null || e.version().isNewerThan(newest.version()))) {
                newest = e;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The text of the file; {@code displayPath} is the lock file's own path, quoted in the header's advice. */
    public String render(String displayPath) {
        StringBuilder out = new StringBuilder(256 + entries.size() * 180);
        out.append(header(displayPath));
        for (String line : bodyLines()) {
            out.append(line).append('\n');
        }
        out.append(SUM_PREFIX).append(sum(bodyLines())).append('\n');
        return out.toString();
    }

    /** The lines the sum covers: the format line, each entry and its forced note. */
    List<String> bodyLines() {
        List<String> lines = new ArrayList<>(entries.size() + 1);
        lines.add(FORMAT_PREFIX + FORMAT);
        for (LockEntry e : entries) {
            lines.add(entryLine(e));
            if (e.forcedReason() != null) {
                lines.add(FORCED_PREFIX + oneLine(e.forcedReason()));
            }
        }
        return lines;
    }

    static String entryLine(LockEntry e) {
        return e.kind().prefix() + " "
                + (e.version() == null ? "-" : e.version().text()) + " sha256:"
                + e.checksums().sha256() + " crc32:" + e.checksums().crc32() + " " + e.path();
    }

    static String sum(List<String> bodyLines) {
        java.security.MessageDigest sha = Checksums.newSha256();
        for (String line : bodyLines) {
            sha.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    static String header(String displayPath) {
        return "# Migration lock file, written by `mvn migration:lock`: do not edit it by hand.\n"
                + "# Locked V (versioned), U (down) and B (baseline) files are frozen: the legacyMigrationFreeze rule\n"
                + "# fails the build when one is changed, renamed or deleted; change the schema with a new migration\n"
                + "# instead. R (repeatable) files are listed with their checksums but may change.\n"
                + "#\n"
                + "# A git merge conflict in this file means that two branches each added migrations. Resolve it so:\n"
                + "#   1. keep the target branch's version of this file: git checkout <target-branch> -- "
                + displayPath + "\n"
                + "#   2. run `mvn migration:rebase`: it renames your new migrations to versions after the newest\n"
                + "#      locked one\n"
                + "#   3. run `mvn migration:lock`, test, and commit.\n"
                + "# Do not combine both sides by hand: the sum on the last line would no longer match.\n";
    }
}
