package dev.migrationsafety.lint;

import dev.migrationsafety.migration.MigrationVersion;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The accepted-findings file {@code migrations.accepted}, written by {@code mvn migration:adopt} beside the lock
 * file: the baseline (the newest migration when the project adopted the checks) and the findings the migrations up
 * to it already had, which are never reported again. Plain text, one line per finding, diff-friendly: keyed by
 * check id, a {@link StatementFingerprint statement fingerprint} and the file, never by line number.
 *
 * @param baseline the newest version at adoption: the round trip tests only the migrations after it, and no finding
 *     in a migration after it is ever accepted
 * @param entries the accepted findings, in the order written
 */
public record AcceptedFindings(MigrationVersion baseline, List<Key> entries) {
    /** The format this version writes and reads. */
    public static final int FORMAT = 1;

    static final String FORMAT_PREFIX = "format ";
    static final String BASELINE_PREFIX = "baseline ";
    static final String ACCEPT_PREFIX = "accept ";

    /**
     * One accepted finding.
     *
     * @param check the check id, e.g. {@code drop-column}
     * @param fingerprint the statement's fingerprint, or {@value StatementFingerprint#WHOLE_FILE}
     * @param path the file, relative to the project with '/' separators
     */
    public record Key(String check, String fingerprint, String path) {
        public Key {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(path, "path");
        }
    }

    public AcceptedFindings {
        Objects.requireNonNull(baseline, "baseline");
        entries = List.copyOf(new LinkedHashSet<>(entries));
    }

    /**
     * The accepted-findings file that belongs to a lock file: in its directory, named like it with
     * {@code .accepted} for {@code .lock} ({@code migrations.lock} gives {@code migrations.accepted}).
     */
    public static Path besideLockFile(Path lockFile) {
        String name = lockFile.getFileName().toString();
        String stem = name.endsWith(".lock") ? name.substring(0, name.length() - ".lock".length()) : name;
        return lockFile.resolveSibling(stem + ".accepted");
    }

    /** The keys as a set, for lookups. */
    public Set<Key> keys() {
        return Set.copyOf(entries);
    }

    /** The text of the file. */
    public String render() {
        StringBuilder out = new StringBuilder(1024 + entries.size() * 100);
        out.append(HEADER);
        out.append(FORMAT_PREFIX).append(FORMAT).append('\n');
        out.append(BASELINE_PREFIX).append(baseline.text()).append('\n');
        for (Key k : entries) {
            out.append(ACCEPT_PREFIX)
                    .append(k.check())
                    .append(' ')
                    .append(k.fingerprint())
                    .append(' ')
                    .append(k.path())
                    .append('\n');
        }
        return out.toString();
    }

    static final String HEADER =
            """
            # Findings accepted by `mvn migration:adopt`, when this project started using migration-maven-plugin.
            # The migrations up to the baseline below had run in production before the checks existed; what the
            # checks find in them is history, not something to fix, so each finding listed here is never reported
            # again by `migration:check`, the noDestructiveMigrations rule or `migration:graph`. `migration:roundtrip`
            # tests only the migrations after the baseline (-Dmigration.startAfter=<version> overrides it).
            #
            # A finding in a migration after the baseline is never accepted here: fix it, or allow it with a reason
            # on the line above the statement (-- migration:allow <check> reason="...").
            #
            # One line per finding: accept <check> <statement fingerprint> <file>. The fingerprint is a hash of the
            # statement's text without comments and whitespace ('-': the whole file), so a line stays valid when
            # the statement moves; an edited statement is reported again. Delete a line to see its finding again.
            # A file kept beside the migrations that is no migration (a README) is listed for the migrationNaming
            # rule the same way; a new one is reported.
            """;
}
