package dev.migrationsafety.lint;

import dev.migrationsafety.history.ExistingHistory;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.AllOrFirstFailure;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.ParserWatchdog;
import dev.migrationsafety.sql.RoutineCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the catalogue on a project's migrations: reads each file, takes its findings from the cache when nothing it
 * depends on changed, otherwise analyses and lints it, then applies the POM allow-list. Linear in the number of
 * files; every file is read once (an up script a second time for its down script, from memory).
 */
public final class MigrationChecker {
    /** Bumped whenever a check's logic changes, so caches written by older code are thrown away. */
    static final int ENGINE_REVISION = 3;

    private final FileAnalyzer analyzer;
    private final MigrationLinter linter;
    private final Dialect dialect;
    private final LockedMigrations locked;
    private final boolean includeLocked;
    private final AllowList allowList;
    private final Path cacheFile;

    /**
     * @param locked which migrations are locked; {@code includeLocked} says whether they are checked anyway
     * @param cacheDir the cache directory (e.g. {@code target/migration/cache}), or {@code null} for no cache
     */
    public MigrationChecker(
            FileAnalyzer analyzer,
            Dialect dialect,
            LockedMigrations locked,
            boolean includeLocked,
            AllowList allowList,
            Path cacheDir) {
        this.analyzer = analyzer;
        this.dialect = dialect;
        this.linter = new MigrationLinter(dialect);
        this.locked = locked == null ? LockedMigrations.none() : locked;
        this.includeLocked = includeLocked;
        this.allowList = allowList == null ? AllowList.empty() : allowList;
        this.cacheFile = cacheDir == null ? null : cacheDir.resolve("check-" + dialect.id() + ".cache");
    }

    /**
     * The findings of every checked file, in file order, before any threshold. The parser's watchdog runs for the
     * duration of the call only.
     */
    public CheckResult check(MigrationSet set) {
        try (ParserWatchdog.Scope scope = ParserWatchdog.open()) {
            return checkAll(set);
        }
    }

    private CheckResult checkAll(MigrationSet set) {
        FindingsCache cache =
                cacheFile == null ? FindingsCache.disabled() : FindingsCache.load(cacheFile, fingerprint(dialect));
        Map<String, Source> sources = new HashMap<>();
        Map<MigrationVersion, MigrationFile> upByVersion = new HashMap<>();
        for (MigrationFile f : set.versioned()) {
            upByVersion.putIfAbsent(f.version(), f);
        }
        // pass 1: read and hash every file, take what the cache has
        List<Pending> pending = new ArrayList<>();
        int checked = 0;
        int skippedLocked = 0;
        for (MigrationFile file : set.files()) {
            MigrationFile upFile = file.kind() == MigrationKind.UNDO ? upByVersion.get(file.version()) : null;
            if (!includeLocked && (locked.test(file) || (upFile != null && locked.test(upFile)))) {
                skippedLocked++;
                continue;
            }
            checked++;
            Source source = source(file, sources);
            Source up = upFile == null ? null : source(upFile, sources);
            String key = FindingsCache.key(
                    source.bytes,
                    source.conf,
                    up == null ? null : up.bytes,
                    file.kind().name().getBytes());
            pending.add(new Pending(file, source, up, key, cache.get(file.displayPath(), key)));
        }
        // pass 2: analyse what the cache did not have, in parallel (each file once, also as an up script)
        List<Source> toParse = new ArrayList<>();
        for (Pending p : pending) {
            if (p.cached == null) {
                toParse.add(p.source);
                if (p.up != null) {
                    toParse.add(p.up);
                }
            }
        }
        // every task finishes before a failure is rethrown, so none outlives the run
        AllOrFirstFailure failures = new AllOrFirstFailure();
        toParse.stream().distinct().parallel().forEach(s -> failures.run(() -> s.parsed(analyzer, dialect)));
        failures.rethrow();
        // pass 3: check, in file order
        Map<Pending, List<Finding>> results = new LinkedHashMap<>();
        int analysed = 0;
        for (Pending p : pending) {
            List<Finding> result = p.cached;
            if (result == null) {
                analysed++;
                result = lint(p.file, p.source, p.up);
                cache.put(p.file.displayPath(), p.key, result);
            }
            results.put(p, result);
        }
        cache.save();
        // pass 4: what depends on the other files, checked again knowing them (not cached)
        relintWithProject(set, results, sources);
        List<Finding> findings = new ArrayList<>();
        results.values().forEach(findings::addAll);
        return new CheckResult(allowList.apply(findings), checked, analysed, skippedLocked);
    }

    private record Pending(MigrationFile file, Source source, Source up, String key, List<Finding> cached) {}

    /**
     * Lints again, knowing the rest of the project, the migrations whose findings depend on it: a versioned migration
     * that changes a column's type, with the types the earlier migrations (locked ones too) left, so that a change
     * that only widens (a longer {@code varchar}, {@code varchar} to {@code text} on PostgreSQL) is no finding and a
     * narrowing names the old type; and a migration with statements in a routine body it does not call, with the
     * routines the other migrations call, so that a body another migration runs keeps its severity. The other
     * migrations are read only when there is such a file, each once. Not cached: it depends on other files.
     */
    private void relintWithProject(MigrationSet set, Map<Pending, List<Finding>> results, Map<String, Source> sources) {
        Map<MigrationFile, Pending> types = new HashMap<>();
        Map<MigrationFile, Pending> bodies = new HashMap<>();
        results.forEach((p, found) -> {
            if (p.file.kind() == MigrationKind.UNDO) {
                return;
            }
            if (p.file.kind() == MigrationKind.VERSIONED
                    && found.stream().anyMatch(f -> f.ruleId().equals(Check.CHANGE_COLUMN_TYPE.id()))) {
                types.put(p.file, p);
            }
            if (found.stream().anyMatch(f -> f.message().contains(RoutineRuns.ONLY_WHEN))) {
                bodies.put(p.file, p);
            }
        });
        if (types.isEmpty() && bodies.isEmpty()) {
            return;
        }
        List<Source> all = new ArrayList<>();
        for (MigrationFile f : set.files()) {
            if (f.kind() != MigrationKind.UNDO) {
                all.add(source(f, sources));
            }
        }
        AllOrFirstFailure failures = new AllOrFirstFailure();
        all.stream().parallel().forEach(s -> failures.run(() -> s.parsed(analyzer, dialect)));
        failures.rethrow();
        // the routines each file calls, by unqualified name, with where (a call from anywhere counts: fail closed)
        Map<String, Map<String, String>> callsByName = new HashMap<>();
        if (!bodies.isEmpty()) {
            for (Source s : all) {
                for (AnalyzedStatement a : s.parsed(analyzer, dialect).statements()) {
                    for (RoutineCall c : a.calls()) {
                        callsByName
                                .computeIfAbsent(RoutineRuns.unqualified(c.name()), n -> new LinkedHashMap<>())
                                .putIfAbsent(
                                        s.file.displayPath(),
                                        "which " + s.file.displayPath() + " calls at line " + c.line());
                    }
                }
            }
        }
        // the column types before each file, in version order
        Map<MigrationFile, ObjectSet> priors = new HashMap<>();
        ObjectSet prior = new ObjectSet();
        for (MigrationFile f : set.versioned()) {
            Source s = source(f, sources);
            if (types.containsKey(s.file)) {
                priors.put(s.file, new ObjectSet(prior));
            }
            s.parsed(analyzer, dialect).statements().forEach(a -> a.operations().forEach(prior::record));
        }
        Map<MigrationFile, Pending> again = new LinkedHashMap<>(types);
        again.putAll(bodies);
        again.forEach((file, p) -> {
            Map<String, String> elsewhere = new HashMap<>();
            if (bodies.containsKey(file)) {
                callsByName.forEach((name, byPath) -> byPath.entrySet().stream()
                        .filter(e -> !e.getKey().equals(file.displayPath()))
                        .findFirst()
                        .ifPresent(e -> elsewhere.put(name, e.getValue())));
            }
            Source s = source(file, sources);
            try {
                results.put(
                        p,
                        linter.lint(
                                s.parsed(analyzer, dialect),
                                ScriptConfig.executeInTransaction(s.conf),
                                priors.get(file),
                                elsewhere));
            } catch (RuntimeException e) {
                // keep the findings made without the rest of the project
            }
        });
    }

    private List<Finding> lint(MigrationFile file, Source source, Source up) {
        ParsedFile parsed = source.parsed(analyzer, dialect);
        Boolean inTransaction = ScriptConfig.executeInTransaction(source.conf);
        try {
            if (file.kind() == MigrationKind.UNDO) {
                return linter.lintDown(parsed, up == null ? null : up.parsed(analyzer, dialect), inTransaction);
            }
            return linter.lint(parsed, inTransaction);
        } catch (RuntimeException e) {
            return List.of(Check.NOT_ANALYSABLE.at(
                    file.displayPath(), 0, 0, "could not be checked (" + e + "); please report this as a bug"));
        }
    }

    private Source source(MigrationFile file, Map<String, Source> sources) {
        return sources.computeIfAbsent(file.displayPath(), p -> Source.read(file));
    }

    /** The cache fingerprint: everything besides the files that per-file results depend on. */
    static String fingerprint(Dialect dialect) {
        return "dialect=" + dialect.id() + " engine=" + ENGINE_REVISION + " code=" + codeVersion();
    }

    /** The jar this code runs from (name, size, time), so a rebuilt snapshot invalidates caches. */
    private static String codeVersion() {
        try {
            Path p = Path.of(MigrationChecker.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(p)) {
                return p.getFileName() + ":" + Files.size(p) + ":"
                        + Files.getLastModifiedTime(p).toMillis();
            }
            Path self = p.resolve(MigrationChecker.class.getName().replace('.', '/') + ".class");
            return "classes:" + Files.getLastModifiedTime(self).toMillis();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** A file's bytes and script configuration, read once; parsed on demand, once. */
    private static final class Source {
        final MigrationFile file;
        final byte[] bytes;
        final byte[] conf;
        final Finding readProblem;
        ParsedFile parsed;

        private Source(MigrationFile file, byte[] bytes, byte[] conf, Finding readProblem) {
            this.file = file;
            this.bytes = bytes;
            this.conf = conf;
            this.readProblem = readProblem;
        }

        static Source read(MigrationFile file) {
            byte[] conf = null;
            Path confPath = file.path().resolveSibling(file.path().getFileName() + ".conf");
            if (Files.exists(confPath)) {
                try {
                    conf = Files.readAllBytes(confPath);
                } catch (NoSuchFileException e) {
                    // deleted meanwhile: Flyway's defaults
                } catch (IOException e) {
                    conf = new byte[0];
                }
            }
            try {
                long size = Files.size(file.path());
                if (size > SourceText.MAX_BYTES) {
                    return new Source(file, String.valueOf(size).getBytes(), conf, SourceText.tooLarge(file, size));
                }
                return new Source(file, Files.readAllBytes(file.path()), conf, null);
            } catch (IOException e) {
                return new Source(
                        file,
                        new byte[0],
                        conf,
                        Check.NOT_ANALYSABLE.at(file.displayPath(), 0, 0, "cannot be read: " + e.getMessage()));
            }
        }

        synchronized ParsedFile parsed(FileAnalyzer analyzer, Dialect dialect) {
            if (parsed == null) {
                parsed = readProblem != null
                        ? new ParsedFile(file.displayPath(), "", List.of(), List.of(readProblem))
                        : SourceText.analyse(file.displayPath(), bytes, analyzer, dialect);
            }
            return parsed;
        }
    }

    /**
     * What a check run found.
     *
     * @param findings every finding left after suppressions and accepted findings, by file
     * @param checkedFiles files checked (from the cache or analysed)
     * @param analysedFiles files analysed in this run (the others came from the cache)
     * @param skippedLocked locked files left out
     * @param accepted findings left out because {@code migration:adopt} accepted them
     * @param acceptedFile where they are listed, relative to the project; {@code null} when there is no such file
     * @param existingHistory the project's history when it looks released but has not been adopted, else
     *     {@code null}: the adapters then print one suggestion to adopt it instead of every finding
     */
    public record CheckResult(
            List<Finding> findings,
            int checkedFiles,
            int analysedFiles,
            int skippedLocked,
            int accepted,
            String acceptedFile,
            ExistingHistory existingHistory) {
        public CheckResult {
            findings = List.copyOf(findings);
        }

        public CheckResult(List<Finding> findings, int checkedFiles, int analysedFiles, int skippedLocked) {
            this(findings, checkedFiles, analysedFiles, skippedLocked, 0, null, null);
        }

        /** With the accepted findings left out, and what the project's history is. */
        CheckResult adopted(Acceptance.Split split, String file, ExistingHistory existing) {
            return new CheckResult(
                    split.reported(),
                    checkedFiles,
                    analysedFiles,
                    skippedLocked,
                    split.accepted().size(),
                    file,
                    existing);
        }

        /** The findings that block at the threshold, most severe first, then by place. */
        public List<Finding> blocking(dev.migrationsafety.report.Severity failOn) {
            return findings.stream()
                    .filter(f -> Check.blocks(f, failOn))
                    .sorted(Comparator.comparing(Finding::path)
                            .thenComparingInt(Finding::line)
                            .thenComparingInt(Finding::column))
                    .toList();
        }
    }
}
