package dev.migrationsafety.bench;

import dev.migrationsafety.schema.GraphFilter;
import dev.migrationsafety.schema.GraphResult;
import dev.migrationsafety.schema.MigrationRef;
import dev.migrationsafety.schema.MigrationStatements;
import dev.migrationsafety.schema.SchemaGraph;
import dev.migrationsafety.schema.render.GraphFormat;
import dev.migrationsafety.schema.render.GraphWriter;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.ColumnDef;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.ForeignKeyDef;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code migration:graph} on a generated history: {@code tables} tables each created by its own migration with an
 * inline foreign key to an earlier table, then {@code 2.5 * tables - tables} more migrations that each add a
 * column referencing an earlier table; 2,000 tables give 5,000 migrations and about 5,000 foreign keys. The input
 * is the analysed operations (the SQL analysis is measured by its own benchmark).
 *
 * <p>Cold ({@code SingleShotTime}, a new JVM per fork, no warm-up) is what a build sees:
 * {@code benchmarks/run -bm ss -wi 0 -i 1 -f 5 GraphBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(3)
public class GraphBenchmark {

    @Param({"500", "1000", "2000"})
    public int tables;

    private List<MigrationStatements> chain;
    private Path out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        chain = generate(tables);
        out = Files.createTempDirectory("graph-bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        BenchFiles.deleteTree(out);
    }

    /** Replay, table graph, orders and cycles. */
    @Benchmark
    public GraphResult graph() {
        return new SchemaGraph(Dialect.POSTGRESQL, null, GraphFilter.all()).build(chain, null);
    }

    /** Everything the goal does after the analysis: graph plus Mermaid, DOT, JSON and HTML with the laid-out SVG. */
    @Benchmark
    public List<Path> graphAndAllOutputs() throws IOException {
        GraphResult result = graph();
        return new GraphWriter(Integer.MAX_VALUE).write(result, EnumSet.allOf(GraphFormat.class), out);
    }

    /** The same without the picture (what the goal does above its default limit of 1,000 tables). */
    @Benchmark
    public List<Path> graphAndTextOutputs() throws IOException {
        GraphResult result = graph();
        return new GraphWriter(0).write(result, EnumSet.allOf(GraphFormat.class), out);
    }

    static List<MigrationStatements> generate(int tables) {
        Random random = new Random(42);
        int migrations = tables * 5 / 2;
        List<MigrationStatements> chain = new ArrayList<>(migrations);
        for (int m = 0; m < migrations; m++) {
            MigrationRef ref = new MigrationRef(
                    String.valueOf(m + 1), "step " + m, "src/main/resources/db/migration/V" + (m + 1) + "__step.sql");
            Operation op;
            if (m < tables) {
                List<ColumnDef> columns = new ArrayList<>();
                columns.add(new ColumnDef("id", "bigint", true, true, true, false, null));
                columns.add(new ColumnDef("name", "text", false, false, false, false, null));
                if (m > 0) {
                    columns.add(reference("parent_id", random.nextInt(m)));
                }
                op = new Operation.CreateTable(table(m), columns, List.of(), List.of(), List.of(), false);
            } else {
                int from = 1 + random.nextInt(tables - 1);
                op = new Operation.AddColumn(table(from), reference("ref_" + m, random.nextInt(from)));
            }
            chain.add(new MigrationStatements(
                    ref, List.of(new AnalyzedStatement(new SqlStatement(ref.path(), 1, 1, ""), List.of(op), true))));
        }
        return chain;
    }

    private static TableName table(int i) {
        return TableName.of(String.format("table_%05d", i));
    }

    private static ColumnDef reference(String column, int target) {
        return new ColumnDef(
                column,
                "bigint",
                false,
                false,
                false,
                false,
                new ForeignKeyDef(null, List.of(), table(target), List.of(), null, null, false));
    }
}
