package dev.migrationsafety.schema.render;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.JsonWriter;
import dev.migrationsafety.schema.Column;
import dev.migrationsafety.schema.ForeignKey;
import dev.migrationsafety.schema.GraphResult;
import dev.migrationsafety.schema.MigrationDependency;
import dev.migrationsafety.schema.MigrationRef;
import dev.migrationsafety.schema.Schema;
import dev.migrationsafety.schema.Table;
import dev.migrationsafety.schema.TableGraph;
import dev.migrationsafety.sql.TableName;
import java.util.List;

/** The graph as JSON: the schema model, the orders, the cycles, the migrations' dependencies and the findings. */
public final class JsonRenderer {
    private JsonRenderer() {}

    public static String render(GraphResult result) {
        Schema schema = result.schema();
        JsonWriter w = new JsonWriter();
        w.beginObject();
        w.field("dialect", schema.dialect().id());
        w.field("defaultSchema", schema.defaultSchema());
        w.field("at", result.at());
        w.name("schemas").beginArray();
        schema.schemas().forEach(w::value);
        w.endArray();
        w.name("tables").beginArray();
        for (Table t : schema.tables()) {
            w.beginObject();
            name(w, t.name());
            w.name("introducedBy");
            migration(w, t.introducedBy());
            w.field("line", t.line());
            strings(w, "primaryKey", t.primaryKey());
            w.name("columns").beginArray();
            for (Column c : t.columns()) {
                w.beginObject()
                        .field("name", c.name())
                        .field("type", c.type())
                        .field("notNull", c.notNull())
                        .field("introducedBy", c.introducedBy().version())
                        .endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("foreignKeys").beginArray();
        for (ForeignKey fk : schema.foreignKeys()) {
            foreignKey(w, fk);
        }
        w.endArray();
        tables(w, "creationOrder", result.graph().creationOrder());
        tables(w, "dropOrder", result.graph().dropOrder());
        w.name("cycles").beginArray();
        for (TableGraph.Cycle c : result.cycles()) {
            w.beginObject();
            tables(w, "tables", c.tables());
            w.name("edges").beginArray();
            c.edges().forEach(fk -> foreignKey(w, fk));
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("migrations").beginArray();
        result.replay().migrations().forEach(m -> migration(w, m));
        w.endArray();
        w.name("dependencies").beginArray();
        for (MigrationDependency d : result.replay().dependencies()) {
            w.beginObject()
                    .field("migration", d.migration().version())
                    .field("dependsOn", d.dependsOn().version());
            strings(w, "reasons", d.reasons());
            w.endObject();
        }
        w.endArray();
        w.name("findings").beginArray();
        for (Finding f : result.findings()) {
            w.beginObject()
                    .field("path", f.path())
                    .field("line", f.line())
                    .field("column", f.column())
                    .field("severity", f.severity().id())
                    .field("rule", f.ruleId())
                    .field("message", f.message())
                    .field("fix", f.fix())
                    .endObject();
        }
        w.endArray();
        w.endObject();
        return w.toString();
    }

    private static void foreignKey(JsonWriter w, ForeignKey fk) {
        w.beginObject().field("name", fk.name()).field("table", fk.table().qualified());
        strings(w, "columns", fk.columns());
        w.field("target", fk.target().qualified());
        strings(w, "targetColumns", fk.targetColumns());
        w.field("selfReference", fk.selfReference())
                .field("introducedBy", fk.introducedBy().version())
                .field("path", fk.introducedBy().path())
                .field("line", fk.line())
                .endObject();
    }

    private static void name(JsonWriter w, TableName name) {
        w.field("schema", name.schema()).field("name", name.name()).field("qualified", name.qualified());
    }

    private static void migration(JsonWriter w, MigrationRef m) {
        w.beginObject()
                .field("version", m.version())
                .field("description", m.description())
                .field("path", m.path())
                .endObject();
    }

    private static void tables(JsonWriter w, String field, List<TableName> names) {
        w.name(field).beginArray();
        names.forEach(n -> w.value(n.qualified()));
        w.endArray();
    }

    private static void strings(JsonWriter w, String field, List<String> values) {
        w.name(field).beginArray();
        values.forEach(w::value);
        w.endArray();
    }
}
