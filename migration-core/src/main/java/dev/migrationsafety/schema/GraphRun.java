package dev.migrationsafety.schema;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.schema.TableGraph.Cycle;
import dev.migrationsafety.schema.render.GraphFormat;
import dev.migrationsafety.schema.render.GraphWriter;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import dev.migrationsafety.sql.ParserWatchdog;
import dev.migrationsafety.sql.SqlProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code migration:graph} does, without Maven: analyse the versioned migrations, build the graph, write the
 * files and say what to print.
 */
public final class GraphRun {
    /** A migration the splitter could not read reliably (e.g. an unterminated quote): the graph may miss parts. */
    public static final String UNREADABLE_SQL = "graph-unreadable-sql";

    /**
     * @param dialect the SQL dialect of the migrations
     * @param defaultSchema the schema of unqualified names; {@code null} for the dialect's default
     * @param filter which tables the pictures and orders show
     * @param at draw the schema as it was after this version; {@code null} for the newest
     * @param formats the files to write
     * @param outputDir where to write them
     * @param maxPictureTables above this many tables the HTML page leaves out the picture
     */
    public record Options(
            Dialect dialect,
            String defaultSchema,
            GraphFilter filter,
            MigrationVersion at,
            Set<GraphFormat> formats,
            Path outputDir,
            int maxPictureTables) {
        public Options {
            formats = Set.copyOf(formats);
        }
    }

    /**
     * @param result the graph
     * @param written the files written
     * @param info lines to print as information: the summary, the creation order, the files
     * @param warnings lines to print as warnings: the cycles
     */
    public record Outcome(GraphResult result, List<Path> written, List<String> info, List<String> warnings) {}

    private GraphRun() {}

    /**
     * Runs the graph. The parser's watchdog runs for the duration of the call and is stopped before it returns, also
     * when it fails: no thread outlives the goal.
     *
     * @throws IOException when a migration cannot be read or an output cannot be written
     */
    public static Outcome run(MigrationSet migrations, MigrationAnalyzer analyzer, Options options) throws IOException {
        try (ParserWatchdog.Scope scope = ParserWatchdog.open()) {
            return runScoped(migrations, analyzer, options);
        }
    }

    private static Outcome runScoped(MigrationSet migrations, MigrationAnalyzer analyzer, Options options)
            throws IOException {
        List<MigrationStatements> chain = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (MigrationFile file : migrations.versioned()) {
            if (options.at() != null && file.version().isNewerThan(options.at())) {
                continue;
            }
            FileAnalysis analysis = analyzer.analyze(file);
            for (SqlProblem p : analysis.problems()) {
                problems.add(p.toFinding(UNREADABLE_SQL, Severity.HIGH));
            }
            chain.add(new MigrationStatements(ref(file), analysis.statements()));
        }
        GraphResult built = new SchemaGraph(options.dialect(), options.defaultSchema(), options.filter())
                .build(chain, options.at());
        problems.addAll(built.findings());
        GraphResult result = new GraphResult(built.replay(), built.schema(), built.graph(), problems, built.at());
        List<Path> written;
        try {
            written = new GraphWriter(options.maxPictureTables()).write(result, options.formats(), options.outputDir());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Outcome(result, written, info(result, migrations, written), warnings(result));
    }

    public static MigrationRef ref(MigrationFile file) {
        return new MigrationRef(
                file.version().dotted(),
                file.name().displayDescription(),
                file.displayPath(),
                file.name().naming().prefix());
    }

    private static List<String> info(GraphResult r, MigrationSet migrations, List<Path> written) {
        Schema s = r.schema();
        List<String> lines = new ArrayList<>();
        lines.add("Schema graph of " + count(r.replay().migrations().size(), "migration")
                + (r.at() == null ? "" : " up to version " + r.at()) + " ("
                + s.dialect().id() + "): "
                + count(s.tables().size(), "table") + ", "
                + count(s.foreignKeys().size(), "foreign key") + ", "
                + count(r.cycles().size(), "cycle"));
        lines.add("Creation order: "
                + (s.tables().isEmpty()
                        ? "(no tables)"
                        : r.graph().creationOrder().stream().map(s::display).collect(Collectors.joining(", "))));
        lines.add("Drop order: "
                + (s.tables().isEmpty()
                        ? "(no tables)"
                        : r.graph().dropOrder().stream().map(s::display).collect(Collectors.joining(", "))));
        if (r.cycles().isEmpty()) {
            lines.add("Cycles: none");
        }
        for (Path p : written) {
            lines.add("Wrote " + migrations.layout().display(p));
        }
        return lines;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static List<String> warnings(GraphResult r) {
        Schema s = r.schema();
        List<String> lines = new ArrayList<>();
        for (Cycle c : r.cycles()) {
            lines.add("Cycle: " + c.tables().stream().map(s::display).collect(Collectors.joining(", ")) + " ("
                    + c.edges().stream()
                            .map(fk -> s.display(fk.table()) + " -> " + s.display(fk.target()) + " by " + fk.name()
                                    + " in " + fk.introducedBy().id())
                            .collect(Collectors.joining("; "))
                    + ")");
        }
        for (Finding f : r.findings()) {
            lines.add(f.formatWithSeverity());
        }
        return lines;
    }

    /**
     * The warnings to show when {@code accepted} findings (accepted at adoption) are not: their own lines, and the
     * {@code Cycle:} line of each cycle whose finding is among them.
     */
    public static List<String> shownWarnings(List<String> warnings, List<Finding> accepted) {
        java.util.Set<String> hidden = new java.util.HashSet<>();
        String between = "closes a cycle of foreign keys between ";
        for (Finding f : accepted) {
            hidden.add(f.formatWithSeverity());
            int at = f.message().indexOf(between);
            if (f.ruleId().equals(SchemaGraph.FK_CYCLE) && at >= 0) {
                String rest = f.message().substring(at + between.length());
                int end = rest.indexOf(" (");
                if (end > 0) {
                    hidden.add("Cycle: " + rest.substring(0, end) + " (");
                }
            }
        }
        return warnings.stream()
                .filter(w -> !hidden.contains(w))
                .filter(w -> !w.startsWith("Cycle: ") || !hidden.contains(w.substring(0, w.indexOf(" (") + 2)))
                .toList();
    }
}
