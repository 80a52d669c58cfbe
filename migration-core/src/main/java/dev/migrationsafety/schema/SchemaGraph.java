package dev.migrationsafety.schema;

import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.schema.TableGraph.Cycle;
import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the {@link GraphResult} of a chain of migrations: replay, filter, orders, cycles and their findings. */
public final class SchemaGraph {
    public static final String FK_CYCLE = "graph-fk-cycle";

    private final Dialect dialect;
    private final String defaultSchema;
    private final GraphFilter filter;

    /**
     * @param defaultSchema the schema of unqualified names, {@code null} for the dialect's default
     * @param filter which tables the picture and orders show (findings cover every table)
     */
    public SchemaGraph(Dialect dialect, String defaultSchema, GraphFilter filter) {
        this.dialect = dialect;
        this.defaultSchema = defaultSchema;
        this.filter = filter == null ? GraphFilter.all() : filter;
    }

    /**
     * @param migrations versioned migrations in version order
     * @param at draw the schema as it was after this version; {@code null} for the newest
     */
    public GraphResult build(List<MigrationStatements> migrations, MigrationVersion at) {
        List<MigrationStatements> upTo = at == null
                ? migrations
                : migrations.stream()
                        .filter(m ->
                                !MigrationVersion.parse(m.migration().version()).isNewerThan(at))
                        .toList();
        ReplayResult replay = new SchemaReplay(dialect, defaultSchema).replay(upTo);
        TableGraph full = TableGraph.of(replay.schema());
        List<Finding> findings = new ArrayList<>(replay.findings());
        findings.addAll(cycleFindings(replay, full));
        Schema drawn = replay.schema().filter(filter);
        TableGraph graph = drawn == replay.schema() ? full : TableGraph.of(drawn);
        return new GraphResult(replay, drawn, graph, findings, at == null ? null : at.dotted());
    }

    /** One finding per cycle, on the statement that added the cycle's newest foreign key: the one that closed it. */
    private static List<Finding> cycleFindings(ReplayResult replay, TableGraph graph) {
        Map<MigrationRef, Integer> position = new HashMap<>();
        for (int i = 0; i < replay.migrations().size(); i++) {
            position.put(replay.migrations().get(i), i);
        }
        Schema schema = replay.schema();
        List<Finding> findings = new ArrayList<>();
        for (Cycle cycle : graph.cycles()) {
            ForeignKey closing = null;
            for (ForeignKey fk : cycle.edges()) {
                if (closing == null
                        || position.getOrDefault(fk.introducedBy(), -1)
                                > position.getOrDefault(closing.introducedBy(), -1)
                        || (fk.introducedBy().equals(closing.introducedBy()) && fk.line() > closing.line())) {
                    closing = fk;
                }
            }
            if (closing == null) {
                continue;
            }
            String tables = cycle.tables().stream().map(schema::display).collect(Collectors.joining(", "));
            String edges = cycle.edges().stream()
                    .map(fk -> schema.display(fk.table()) + " -> " + schema.display(fk.target()))
                    .collect(Collectors.joining(", "));
            findings.add(new Finding(
                    closing.introducedBy().path(),
                    closing.line(),
                    0,
                    Severity.MEDIUM,
                    FK_CYCLE,
                    "foreign key " + closing.name() + " of " + schema.display(closing.table()) + " closes a cycle of "
                            + "foreign keys between " + tables + " (" + edges + "); these tables cannot be created or "
                            + "dropped one after the other with their keys in place (in "
                            + closing.introducedBy().id()
                            + ")",
                    "if the cycle is intended, add one of its keys after the tables with ALTER TABLE ... ADD "
                            + "CONSTRAINT and drop it first on teardown; otherwise remove one of the keys"));
        }
        return findings;
    }
}
