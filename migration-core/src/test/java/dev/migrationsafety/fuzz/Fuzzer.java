package dev.migrationsafety.fuzz;

import dev.migrationsafety.lint.MigrationLinter;
import dev.migrationsafety.lint.ParsedFile;
import dev.migrationsafety.lint.ProjectCheck;
import dev.migrationsafety.lint.StandardFileAnalyzer;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.schema.GraphFilter;
import dev.migrationsafety.schema.GraphRun;
import dev.migrationsafety.schema.MigrationAnalyzer;
import dev.migrationsafety.schema.render.GraphFormat;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlAnalysis;
import dev.migrationsafety.sql.SqlStatement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Feeds mutants of the seed migrations (test resources {@code fuzz/postgresql} and {@code fuzz/mysql}) to the
 * check and graph runs, in process, through the same entry points {@code migration:check}, the
 * {@code noDestructiveMigrations} rule and {@code migration:graph} use, and records two kinds of failure: a crash
 * (an exception escapes, or the analysis reports an internal error) and a silent pass (a destructive statement
 * of the seed is still there by {@link ValidityOracle}, yet there is neither a critical finding on it nor a
 * {@code not-analysable} finding before its end). Every input is derived from its own seed, so one number
 * reproduces it; failing inputs are written with that number and the mutations that made them.
 */
final class Fuzzer {
    static final String NOT_ANALYSABLE = "not-analysable";

    /** A destructive statement of a seed: its own text through the end of its terminator's line. */
    record Destructive(String own, String check) {}

    record Seed(String name, Dialect dialect, byte[] bytes, List<Destructive> destructive) {}

    /** The figures of a run. */
    static final class Stats {
        long inputs;
        long crashes;
        long silentPasses;
        long mutantsOfDestructiveSeeds;
        long judgedStillThere;
        long slowestMillis;
        long slowestInput;
        long nanos;
        final List<Path> failures = new ArrayList<>();

        @Override
        public String toString() {
            double seconds = nanos / 1e9;
            return String.format(
                    "inputs=%d (%.0f/s) crashes=%d silent-passes=%d still-there=%d of %d mutants of seeds with a"
                            + " destructive statement (%.1f%%) slowest=%d ms (input %d) time=%.1f s",
                    inputs,
                    inputs / Math.max(seconds, 1e-9),
                    crashes,
                    silentPasses,
                    judgedStillThere,
                    mutantsOfDestructiveSeeds,
                    100.0 * judgedStillThere / Math.max(1, mutantsOfDestructiveSeeds),
                    slowestMillis,
                    slowestInput,
                    seconds);
        }
    }

    private static final SqlAnalysis ANALYSIS = new SqlAnalysis();

    private final List<Seed> seeds;
    private final Path failureDir;
    private final Map<Dialect, MigrationLayout> projects = new EnumMap<>(Dialect.class);
    private final Path graphOut;

    Fuzzer(Path workDir, Path failureDir) throws IOException {
        this.seeds = loadSeeds();
        this.failureDir = failureDir;
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.MYSQL)) {
            Path base = workDir.resolve(d.id());
            Files.createDirectories(base.resolve("src/main/resources/db/migration"));
            Files.createDirectories(base.resolve("src/main/resources/db/undo"));
            projects.put(d, MigrationLayout.defaults(base));
        }
        this.graphOut = workDir.resolve("graph");
    }

    List<Seed> seeds() {
        return seeds;
    }

    /** Runs inputs derived from {@code seed} until {@code budget} has passed or {@code maxInputs} were tried. */
    Stats run(long seed, Duration budget, long maxInputs) throws IOException {
        Stats stats = new Stats();
        SplittableRandom master = new SplittableRandom(seed);
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        while (stats.inputs < maxInputs && System.nanoTime() - deadline < 0) {
            one(master.nextLong(), seed, stats);
        }
        stats.nanos = System.nanoTime() - start;
        return stats;
    }

    /** Runs the one input derived from {@code inputSeed}. */
    void one(long inputSeed, long runSeed, Stats stats) throws IOException {
        SplittableRandom random = new SplittableRandom(inputSeed);
        Seed seed = seeds.get(random.nextInt(seeds.size()));
        Seed other = seeds.get(random.nextInt(seeds.size()));
        List<String> log = new ArrayList<>();
        byte[] mutant = new Mutator(random).mutate(seed.bytes(), other.bytes(), log);
        stats.inputs++;
        long t0 = System.nanoTime();
        Outcome outcome = analyse(seed.dialect(), mutant, stats.inputs % 50 == 0);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (Boolean.getBoolean("migration.fuzz.verbose")) {
            System.out.println("fuzz: input " + inputSeed + " " + millis + " ms, " + mutant.length + " bytes: "
                    + String.join("; ", log));
        }
        if (millis > stats.slowestMillis) {
            stats.slowestMillis = millis;
            stats.slowestInput = inputSeed;
        }
        String header = "run seed " + runSeed + ", input " + inputSeed + ", seed file " + seed.name() + ", other "
                + other.name() + "\nmutations: " + String.join("; ", log) + "\n";
        if (outcome.crash() != null) {
            stats.crashes++;
            stats.failures.add(write("crash", inputSeed, mutant, header + outcome.crash()));
            return;
        }
        if (!isText(mutant)) {
            // not UTF-8 text: Flyway cannot read it as the author meant; the file as a whole must fail closed
            if (outcome.findings().stream().noneMatch(f -> f.ruleId().equals(NOT_ANALYSABLE))) {
                stats.silentPasses++;
                stats.failures.add(write("silent", inputSeed, mutant, header + "not UTF-8 text, yet not reported"));
            }
            return;
        }
        if (seed.destructive().isEmpty()) {
            return;
        }
        stats.mutantsOfDestructiveSeeds++;
        String text = new String(mutant, StandardCharsets.UTF_8);
        boolean counted = false;
        for (Destructive d : seed.destructive()) {
            int at = ValidityOracle.stillThere(seed.dialect(), text, d.own());
            if (at < 0) {
                continue;
            }
            if (!counted) {
                stats.judgedStillThere++;
                counted = true;
            }
            int firstLine = lines(text, at, false);
            int lastLine = lines(text, at + d.own().length(), true);
            if (!found(outcome.findings(), firstLine, lastLine)) {
                stats.silentPasses++;
                stats.failures.add(write(
                        "silent",
                        inputSeed,
                        mutant,
                        header + "the " + d.check() + " statement at line " + firstLine
                                + " is still there but nothing was found:\n" + d.own() + "\nfindings:\n"
                                + String.join(
                                        "\n",
                                        outcome.findings().stream()
                                                .map(Finding::formatWithSeverity)
                                                .toList())));
                return;
            }
        }
    }

    record Outcome(List<Finding> findings, String crash) {}

    /** The check run and the graph run over the mutant, as the goals and the rule run them. */
    Outcome analyse(Dialect dialect, byte[] content, boolean withHtml) throws IOException {
        MigrationLayout layout = projects.get(dialect);
        Path file = layout.primaryMigrationDir().resolve("V1__fuzz.sql");
        Files.write(file, content);
        List<Finding> findings;
        try {
            findings = new ProjectCheck(
                            layout,
                            layout.baseDir().resolve("migrations.lock"),
                            dialect,
                            Severity.LOW,
                            true,
                            List.of(),
                            null)
                    .run()
                    .findings();
        } catch (Throwable e) {
            return new Outcome(List.of(), "check: " + trace(e));
        }
        for (Finding f : findings) {
            if (f.message().contains("please report")) {
                return new Outcome(findings, "check: internal error reported as a finding: " + f.formatWithSeverity());
            }
            if (f.path().isEmpty() || f.message().isBlank()) {
                return new Outcome(findings, "check: finding without file or message: " + f);
            }
        }
        Set<GraphFormat> formats = withHtml
                ? Set.of(GraphFormat.values())
                : Set.of(GraphFormat.MERMAID, GraphFormat.DOT, GraphFormat.JSON);
        try {
            GraphRun.run(
                    new MigrationScanner().scan(layout),
                    MigrationAnalyzer.of(ANALYSIS, dialect),
                    new GraphRun.Options(dialect, null, GraphFilter.all(), null, formats, graphOut, 1000));
        } catch (Throwable e) {
            return new Outcome(findings, "graph: " + trace(e));
        }
        return new Outcome(findings, null);
    }

    /** Whether the bytes are UTF-8 without NUL bytes (a byte-order mark is allowed). */
    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** A critical finding within the statement's lines, or a not-analysable finding up to its end. */
    private static boolean found(List<Finding> findings, int firstLine, int lastLine) {
        for (Finding f : findings) {
            if (f.ruleId().equals(NOT_ANALYSABLE) && f.line() <= lastLine) {
                return true;
            }
            if (f.severity() == Severity.CRITICAL && f.line() >= firstLine && f.line() <= lastLine) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line of offset {@code at}: counting only {@code \n} as a break ({@code max = false}) or also a lone
     * {@code \r} ({@code max = true}), so that a range built from both holds the line whichever the lexer uses.
     */
    private static int lines(String text, int at, boolean max) {
        int line = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (max && c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private Path write(String kind, long inputSeed, byte[] mutant, String details) throws IOException {
        Files.createDirectories(failureDir);
        Path sql = failureDir.resolve(kind + "-" + inputSeed + ".sql");
        Files.write(sql, mutant);
        Files.writeString(
                failureDir.resolve(kind + "-" + inputSeed + ".txt"),
                details + "\nreproduce: -Dmigration.fuzz.input=" + inputSeed + "\n");
        return sql;
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** The seed corpus, each seed with the statements the unmutated file gets a critical finding for. */
    private static List<Seed> loadSeeds() throws IOException {
        List<Seed> out = new ArrayList<>();
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.MYSQL)) {
            Path dir;
            try {
                dir = Path.of(Fuzzer.class.getResource("/fuzz/" + d.id()).toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".sql"))
                        .sorted()
                        .toList()) {
                    byte[] bytes = Files.readAllBytes(p);
                    out.add(new Seed(d.id() + "/" + p.getFileName(), d, bytes, destructive(d, bytes)));
                }
            }
        }
        return out;
    }

    private static List<Destructive> destructive(Dialect dialect, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        ParsedFile parsed = StandardFileAnalyzer.INSTANCE.analyze("seed.sql", text, dialect);
        List<Finding> findings = new MigrationLinter(dialect).lint(parsed, null);
        List<Destructive> out = new ArrayList<>();
        for (AnalyzedStatement a : parsed.statements()) {
            SqlStatement s = a.statement();
            for (Finding f : findings) {
                if (f.severity() == Severity.CRITICAL && f.line() == s.line() && f.column() == s.column()) {
                    int end = s.offset() + s.text().length();
                    int eol = text.indexOf('\n', end);
                    out.add(new Destructive(text.substring(s.offset(), eol < 0 ? text.length() : eol + 1), f.ruleId()));
                    break;
                }
            }
        }
        return out;
    }
}
