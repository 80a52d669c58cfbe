package dev.migrationsafety.bench;

import dev.migrationsafety.lint.MigrationLinter;
import dev.migrationsafety.lint.ParsedFile;
import dev.migrationsafety.lint.StandardFileAnalyzer;
import dev.migrationsafety.sql.Dialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The check of one file of pathological shape (analysis and lint, what {@code migration:check} does per file),
 * milliseconds per file. Each file ends with a {@code DROP TABLE} that must still be found (or the file reported
 * as not analysable).
 *
 * <p>Run: {@code benchmarks/run -f 1 -wi 2 -i 3 PathologicalInputBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PathologicalInputBenchmark {
    private static final int DEEP = 10_000;
    private static final String DROP = "\nDROP TABLE users;\n";

    @Param({
        "parens-select",
        "parens-delete",
        "parens-alter-default",
        "parens-unclosed",
        "parens-in-do-body",
        "case",
        "begin-mysql",
        "nested-comments",
        "statements-100k",
        "statement-5mb",
        "dollar-body-5mb"
    })
    public String shape;

    private String sql;
    private Dialect dialect;

    @Setup
    public void generate() {
        String open = "(".repeat(DEEP);
        String close = ")".repeat(DEEP);
        dialect = shape.endsWith("mysql") ? Dialect.MYSQL : Dialect.POSTGRESQL;
        sql = switch (shape) {
            case "parens-select" -> "SELECT " + open + "1" + close + ";" + DROP;
            case "parens-delete" -> "DELETE FROM t WHERE " + open + "id = 1" + close + ";" + DROP;
            case "parens-alter-default" ->
                "ALTER TABLE t ALTER COLUMN a SET DEFAULT " + open + "1" + close + ";" + DROP;
            case "parens-unclosed" -> "SELECT " + open + "1;" + DROP;
            case "parens-in-do-body" -> "DO $$ BEGIN PERFORM " + open + "1" + close + "; END $$;" + DROP;
            case "case" ->
                "UPDATE t SET a = " + "CASE WHEN x THEN ".repeat(DEEP) + "1" + " END".repeat(DEEP) + " WHERE id = 1;"
                        + DROP;
            case "begin-mysql" ->
                "CREATE PROCEDURE p() " + "BEGIN ".repeat(DEEP) + "SELECT 1;" + " END;".repeat(DEEP) + DROP;
            case "nested-comments" -> "/* ".repeat(DEEP) + " */".repeat(DEEP) + DROP;
            case "statements-100k" -> "INSERT INTO t VALUES (1);\n".repeat(100_000) + DROP;
            case "statement-5mb" -> "DELETE FROM t WHERE id IN (0" + ",1".repeat(2_500_000) + ");" + DROP;
            case "dollar-body-5mb" -> "DO $$ BEGIN " + "PERFORM 1; ".repeat(450_000) + "END $$;" + DROP;
            default -> throw new IllegalArgumentException(shape);
        };
        if (check().isEmpty()) {
            throw new IllegalStateException(shape + ": the DROP TABLE at the end was not found");
        }
    }

    @Benchmark
    public java.util.List<?> check() {
        ParsedFile parsed = StandardFileAnalyzer.INSTANCE.analyze("V1__shape.sql", sql, dialect);
        return new MigrationLinter(dialect).lint(parsed, null);
    }
}
