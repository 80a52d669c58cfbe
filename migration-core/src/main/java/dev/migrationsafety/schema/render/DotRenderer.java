package dev.migrationsafety.schema.render;

import dev.migrationsafety.schema.ForeignKey;
import dev.migrationsafety.schema.GraphResult;
import dev.migrationsafety.schema.Schema;
import dev.migrationsafety.schema.Table;
import dev.migrationsafety.schema.TableGraph;
import java.util.HashSet;
import java.util.Set;

/** Graphviz DOT of the table graph: one box per table with its key columns, an arrow per foreign key. */
public final class DotRenderer {
    private DotRenderer() {}

    public static String render(GraphResult result) {
        Schema schema = result.schema();
        Labels labels = new Labels(schema);
        Set<ForeignKey> inCycle = new HashSet<>();
        for (TableGraph.Cycle c : result.cycles()) {
            inCycle.addAll(c.edges());
        }
        StringBuilder out = new StringBuilder();
        out.append("digraph schema {\n");
        out.append("    rankdir=RL;\n");
        out.append("    node [shape=box, fontname=\"Helvetica\", fontsize=10];\n");
        out.append("    edge [fontname=\"Helvetica\", fontsize=8];\n");
        for (Table t : schema.tables()) {
            StringBuilder label = new StringBuilder(escape(labels.name(t.name()))).append("\\n");
            for (Labels.KeyColumn c : labels.keyColumns(t)) {
                label.append(escape(c.name() + " " + c.marks())).append("\\l");
            }
            out.append("    ")
                    .append(quote(t.name().qualified()))
                    .append(" [label=\"")
                    .append(label)
                    .append("\", tooltip=\"")
                    .append(escape("created by " + t.introducedBy().label()))
                    .append("\"];\n");
        }
        for (ForeignKey fk : schema.foreignKeys()) {
            out.append("    ")
                    .append(quote(fk.table().qualified()))
                    .append(" -> ")
                    .append(quote(fk.target().qualified()))
                    .append(" [label=\"")
                    .append(escape(fk.name()))
                    .append("\", tooltip=\"")
                    .append(escape("added by " + fk.introducedBy().label()))
                    .append('"')
                    .append(inCycle.contains(fk) ? ", color=red" : "")
                    .append("];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String quote(String id) {
        return "\"" + escape(id) + "\"";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
