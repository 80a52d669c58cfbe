package dev.migrationsafety.lint;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a project's accepted findings ({@link AcceptedFindings}, written by {@code mvn migration:adopt}): a
 * finding whose check, statement fingerprint and file are listed is left out, unless its migration is after the
 * baseline. Files are read again only when the list names them.
 */
public final class Acceptance {
    private final AcceptedFindings accepted;
    private final String display;
    private final Path baseDir;
    private final Dialect dialect;
    private final FlywayNaming naming;

    private Acceptance(AcceptedFindings accepted, String display, Path baseDir, Dialect dialect, FlywayNaming naming) {
        this.accepted = accepted;
        this.display = display;
        this.baseDir = baseDir;
        this.dialect = dialect;
        this.naming = naming;
    }

    /** Nothing accepted. */
    public static Acceptance none() {
        return new Acceptance(null, null, null, Dialect.GENERIC, FlywayNaming.DEFAULT);
    }

    /**
     * The accepted findings beside the lock file ({@link AcceptedFindings#besideLockFile}); none when that file does
     * not exist.
     *
     * @param dialect the dialect the statements are cut with, as the check reads them
     * @throws AcceptedFindingsException when the file exists but is damaged
     */
    public static Acceptance load(Path baseDir, Path lockFile, Dialect dialect) throws AcceptedFindingsException {
        return load(baseDir, lockFile, dialect, FlywayNaming.DEFAULT);
    }

    /**
     * As {@link #load(Path, Path, Dialect)}, for a project that names its migrations in its own way: the versions
     * compared with the baseline are read from the file names with it.
     */
    public static Acceptance load(Path baseDir, Path lockFile, Dialect dialect, FlywayNaming naming)
            throws AcceptedFindingsException {
        Path base = baseDir.toAbsolutePath().normalize();
        Path file = AcceptedFindings.besideLockFile(lockFile.toAbsolutePath().normalize());
        String display = display(base, file);
        Optional<AcceptedFindings> read = new AcceptedFindingsReader(display, naming).read(file);
        return read.map(a -> new Acceptance(a, display, base, dialect, naming)).orElseGet(Acceptance::none);
    }

    /** Whether the project adopted the checks: the file exists. */
    public boolean present() {
        return accepted != null;
    }

    /** The baseline recorded at adoption, if any. */
    public Optional<MigrationVersion> baseline() {
        return accepted == null ? Optional.empty() : Optional.of(accepted.baseline());
    }

    /** The file as messages show it, or {@code null} when there is none. */
    public String display() {
        return display;
    }

    /**
     * The findings split into those still reported and those accepted.
     *
     * @param reported what the user sees, in the order given
     * @param accepted what the accepted-findings file leaves out
     */
    public record Split(List<Finding> reported, List<Finding> accepted) {}

    public Split apply(List<Finding> findings) {
        if (accepted == null || accepted.entries().isEmpty()) {
            return new Split(findings, List.of());
        }
        Set<AcceptedFindings.Key> keys = accepted.keys();
        Set<String> paths = new HashSet<>();
        keys.forEach(k -> paths.add(k.path()));
        Fingerprints prints = new Fingerprints(baseDir, dialect);
        List<Finding> reported = new ArrayList<>();
        List<Finding> left = new ArrayList<>();
        for (Finding f : findings) {
            MigrationVersion v = AcceptedFindingsReader.versionOf(f.path(), naming);
            boolean candidate = paths.contains(f.path()) && (v == null || !v.isNewerThan(accepted.baseline()));
            if (candidate && keys.contains(prints.key(f))) {
                left.add(f);
            } else {
                reported.add(f);
            }
        }
        return new Split(reported, left);
    }

    /** The keys of findings, each file read once: what {@code migration:adopt} writes. */
    public static List<AcceptedFindings.Key> keys(List<Finding> findings, Path baseDir, Dialect dialect) {
        Fingerprints prints = new Fingerprints(baseDir.toAbsolutePath().normalize(), dialect);
        List<AcceptedFindings.Key> keys = new ArrayList<>(findings.size());
        findings.forEach(f -> keys.add(prints.key(f)));
        return keys;
    }

    /** Fingerprints of the files findings are in, each file split once. */
    private static final class Fingerprints {
        private final Path baseDir;
        private final Dialect dialect;
        private final Map<String, StatementFingerprint> byPath = new HashMap<>();

        Fingerprints(Path baseDir, Dialect dialect) {
            this.baseDir = baseDir;
            this.dialect = dialect;
        }

        AcceptedFindings.Key key(Finding f) {
            String print = f.line() <= 0
                    ? StatementFingerprint.WHOLE_FILE
                    : byPath.computeIfAbsent(f.path(), p -> StatementFingerprint.of(baseDir.resolve(p), p, dialect))
                            .at(f.line());
            return new AcceptedFindings.Key(f.ruleId(), print, f.path());
        }
    }

    private static String display(Path base, Path file) {
        return (file.startsWith(base) ? base.relativize(file) : file).toString().replace('\\', '/');
    }
}
