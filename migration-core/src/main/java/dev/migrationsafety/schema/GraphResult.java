package dev.migrationsafety.schema;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.schema.TableGraph.Cycle;
import java.util.List;

/**
 * Everything {@code migration:graph} shows.
 *
 * @param replay the replay of the migrations (full schema, migrations, dependencies)
 * @param schema the schema as drawn: filtered by the include and exclude patterns
 * @param graph the table graph of the drawn schema (orders and cycles)
 * @param findings the replay's findings plus one per foreign-key cycle of the full schema
 * @param at the version the schema is drawn at, or {@code null} for the newest
 */
public record GraphResult(ReplayResult replay, Schema schema, TableGraph graph, List<Finding> findings, String at) {
    public GraphResult {
        findings = List.copyOf(findings);
    }

    public List<Cycle> cycles() {
        return graph.cycles();
    }
}
