package dev.migrationsafety.bench;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import dev.migrationsafety.sql.ParserWatchdog;
import dev.migrationsafety.sql.SqlAnalysis;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Statements per second of the whole analysis (split + JSqlParser + token classifier + reconciliation) on 200
 * generated PostgreSQL migrations of a realistic mix; the score is statements/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisBenchmark {
    static final int FILES = 200;
    /** Statements in the corpus below; {@link #setUp} checks it. */
    static final int STATEMENTS = 1084;

    static final int MYSQL_STATEMENTS = 867;

    private List<MigrationCorpus.File> files;
    private List<SqlAnalysis.Source> sources;
    private List<MigrationCorpus.File> mysqlFiles;
    private SqlAnalysis analysis;
    private ParserWatchdog.Scope watchdog;

    @Setup(Level.Trial)
    public void setUp() {
        // as in a check or graph run, whose entry point holds the parser's watchdog open for the whole run
        watchdog = ParserWatchdog.open();
        files = MigrationCorpus.postgres(FILES, 42);
        int statements = MigrationCorpus.statements(files);
        if (statements != STATEMENTS) {
            throw new IllegalStateException("the corpus has " + statements + " statements; update STATEMENTS");
        }
        analysis = new SqlAnalysis();
        sources = files.stream()
                .map(f -> new SqlAnalysis.Source(f.name(), f.content()))
                .toList();
        int split = 0;
        for (MigrationCorpus.File f : files) {
            split += analysis.analyze(f.name(), f.content(), Dialect.POSTGRESQL)
                    .statements()
                    .size();
        }
        if (split != STATEMENTS) {
            throw new IllegalStateException("the splitter cut " + split + " statements, expected " + STATEMENTS);
        }
        mysqlFiles = MigrationCorpus.mysql(FILES, 42);
        int mysqlSplit = 0;
        for (MigrationCorpus.File f : mysqlFiles) {
            mysqlSplit += analysis.analyze(f.name(), f.content(), Dialect.MYSQL)
                    .statements()
                    .size();
        }
        if (mysqlSplit != MYSQL_STATEMENTS || MigrationCorpus.statements(mysqlFiles) != MYSQL_STATEMENTS) {
            throw new IllegalStateException("the MySQL corpus has " + MigrationCorpus.statements(mysqlFiles)
                    + " statements and the splitter cut " + mysqlSplit + ", expected " + MYSQL_STATEMENTS);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        watchdog.close();
    }

    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public void analyseAllFiles(Blackhole bh) {
        for (MigrationCorpus.File f : files) {
            FileAnalysis result = analysis.analyze(f.name(), f.content(), Dialect.POSTGRESQL);
            bh.consume(result);
        }
    }

    /** The same files through {@link SqlAnalysis#analyzeAll}, on the shared pool (all cores, at most 4). */
    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public void analyseAllFilesInParallel(Blackhole bh) {
        bh.consume(analysis.analyzeAll(sources, Dialect.POSTGRESQL));
    }

    /** 200 generated MySQL migrations (backticks, # comments, DELIMITER procedures, DROP FOREIGN KEY). */
    @Benchmark
    @OperationsPerInvocation(MYSQL_STATEMENTS)
    public void analyseAllMysqlFiles(Blackhole bh) {
        for (MigrationCorpus.File f : mysqlFiles) {
            bh.consume(analysis.analyze(f.name(), f.content(), Dialect.MYSQL));
        }
    }
}
