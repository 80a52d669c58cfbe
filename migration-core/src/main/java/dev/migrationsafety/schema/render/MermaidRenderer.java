package dev.migrationsafety.schema.render;

import dev.migrationsafety.schema.ForeignKey;
import dev.migrationsafety.schema.GraphResult;
import dev.migrationsafety.schema.MigrationDependency;
import dev.migrationsafety.schema.MigrationRef;
import dev.migrationsafety.schema.Schema;
import dev.migrationsafety.schema.Table;
import dev.migrationsafety.sql.TableName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Mermaid text: an {@code erDiagram} of the tables with their key columns and foreign keys, and a {@code flowchart}
 * of the migrations' dependencies. Identifiers are reduced to what Mermaid accepts; the real names are shown as
 * labels.
 */
public final class MermaidRenderer {
    private MermaidRenderer() {}

    public static String erDiagram(GraphResult result) {
        Schema schema = result.schema();
        Labels labels = new Labels(schema);
        Ids ids = new Ids();
        StringBuilder out = new StringBuilder("erDiagram\n");
        Map<TableName, Table> tables = schema.tablesByName();
        for (Table t : schema.tables()) {
            String id = ids.of(labels.name(t.name()));
            out.append("    ").append(id);
            if (!id.equals(labels.name(t.name()))) {
                out.append("[\"").append(text(labels.name(t.name()))).append("\"]");
            }
            out.append(" {\n");
            for (Labels.KeyColumn c : labels.keyColumns(t)) {
                out.append("        ")
                        .append(word(c.type().isEmpty() ? "column" : c.type()))
                        .append(' ')
                        .append(word(c.name()))
                        .append(' ')
                        .append(c.marks())
                        .append('\n');
            }
            out.append("    }\n");
        }
        for (ForeignKey fk : schema.foreignKeys()) {
            Table child = tables.get(fk.table());
            boolean required = child != null
                    && child.columns().stream()
                            .filter(c -> fk.columns().contains(c.name()))
                            .allMatch(c -> c.notNull());
            out.append("    ")
                    .append(ids.of(labels.name(fk.table())))
                    .append(required ? " }o--|| " : " }o--o| ")
                    .append(ids.of(labels.name(fk.target())))
                    .append(" : \"")
                    .append(text(fk.name()))
                    .append("\"\n");
        }
        return out.toString();
    }

    /** Migrations as nodes, an arrow from each migration to those that depend on it. */
    public static String migrationFlowchart(GraphResult result) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<MigrationRef, String> ids = new HashMap<>();
        int i = 0;
        for (MigrationRef m : result.replay().migrations()) {
            String id = "m" + i++;
            ids.put(m, id);
            out.append("    ").append(id).append("[\"").append(text(m.label())).append("\"]\n");
        }
        for (MigrationDependency d : result.replay().dependencies()) {
            out.append("    ")
                    .append(ids.get(d.dependsOn()))
                    .append(" --> ")
                    .append(ids.get(d.migration()))
                    .append('\n');
        }
        return out.toString();
    }

    /** Unique Mermaid identifiers for names. */
    private static final class Ids {
        private final Map<String, String> ids = new HashMap<>();
        private final Set<String> used = new HashSet<>();

        String of(String name) {
            return ids.computeIfAbsent(name, n -> {
                String base = word(n);
                String id = base;
                for (int k = 2; !used.add(id); k++) {
                    id = base + "_" + k;
                }
                return id;
            });
        }
    }

    /** A word Mermaid reads as an identifier: letters, digits and {@code _}, not starting with a digit. */
    static String word(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
            b.insert(0, '_');
        }
        return b.toString();
    }

    /** Text inside double quotes: Mermaid's entity codes for the characters that would end or break it. */
    static String text(String text) {
        return text.replace("&", "#amp;").replace("\"", "#quot;").replace("\n", " ");
    }
}
