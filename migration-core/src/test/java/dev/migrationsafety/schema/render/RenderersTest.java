package dev.migrationsafety.schema.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.schema.GraphFilter;
import dev.migrationsafety.schema.GraphResult;
import dev.migrationsafety.schema.MigrationRef;
import dev.migrationsafety.schema.MigrationStatements;
import dev.migrationsafety.schema.SchemaGraph;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.ColumnDef;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.ForeignKeyDef;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderersTest {

    private static ColumnDef id() {
        return new ColumnDef("id", "bigint", true, true, true, false, null);
    }

    private static ColumnDef ref(String name, TableName target, boolean notNull) {
        return new ColumnDef(
                name,
                "bigint",
                notNull,
                false,
                false,
                false,
                new ForeignKeyDef(null, List.of(), target, List.of(), null, null, false));
    }

    private static MigrationStatements migration(String version, String description, Operation... ops) {
        MigrationRef ref = new MigrationRef(version, description, "db/V" + version + "__" + description + ".sql");
        return new MigrationStatements(
                ref, List.of(new AnalyzedStatement(new SqlStatement(ref.path(), 1, 1, "--"), List.of(ops), true)));
    }

    private static Operation.CreateTable create(TableName name, ColumnDef... columns) {
        return new Operation.CreateTable(name, List.of(columns), List.of(), List.of(), List.of(), false);
    }

    /** customers <- orders <- lines, a self-referencing category, a quoted "Order Notes" in schema sales. */
    static GraphResult sample() {
        return new SchemaGraph(Dialect.POSTGRESQL, null, GraphFilter.all())
                .build(
                        List.of(
                                migration("1", "customers", create(TableName.of("customers"), id())),
                                migration(
                                        "2",
                                        "orders",
                                        create(
                                                TableName.of("orders"),
                                                id(),
                                                ref("customer_id", TableName.of("customers"), true))),
                                migration(
                                        "3",
                                        "notes",
                                        new Operation.CreateObject(
                                                Operation.ObjectKind.SCHEMA, TableName.of("sales"), false),
                                        create(
                                                new TableName("sales", "Order Notes"),
                                                id(),
                                                ref("order_id", TableName.of("orders"), false)),
                                        create(
                                                TableName.of("categories"),
                                                id(),
                                                ref("parent_id", TableName.of("categories"), false)))),
                        null);
    }

    @Test
    void mermaidErDiagramShowsKeyColumnsAndRelationships() {
        assertEquals(
                """
                erDiagram
                    categories {
                        bigint id PK
                        bigint parent_id FK
                    }
                    customers {
                        bigint id PK
                    }
                    orders {
                        bigint id PK
                        bigint customer_id FK
                    }
                    sales_Order_Notes["sales.Order Notes"] {
                        bigint id PK
                        bigint order_id FK
                    }
                    categories }o--o| categories : "categories_parent_id_fkey"
                    orders }o--|| customers : "orders_customer_id_fkey"
                    sales_Order_Notes }o--o| orders : "Order Notes_order_id_fkey"
                """,
                MermaidRenderer.erDiagram(sample()));
    }

    @Test
    void mermaidFlowchartDrawsMigrationDependencies() {
        assertEquals(
                """
                flowchart LR
                    m0["V1 customers"]
                    m1["V2 orders"]
                    m2["V3 notes"]
                    m0 --> m1
                    m1 --> m2
                """,
                MermaidRenderer.migrationFlowchart(sample()));
    }

    @Test
    void dotHasOneNodePerTableAndOneEdgePerForeignKey() {
        String dot = DotRenderer.render(sample());
        assertTrue(dot.startsWith("digraph schema {\n"), dot);
        assertTrue(dot.contains("\"public.orders\" -> \"public.customers\" [label=\"orders_customer_id_fkey\""), dot);
        assertTrue(dot.contains("\"sales.Order Notes\" [label=\"sales.Order Notes\\nid PK\\lorder_id FK\\l\""), dot);
        assertEquals(3, count(dot, " -> "));
    }

    @Test
    void jsonCarriesModelOrdersAndFindings() {
        String json = JsonRenderer.render(sample());
        assertTrue(
                json.contains("\"creationOrder\": [\n    \"public.categories\",\n    \"public.customers\",\n"
                        + "    \"public.orders\",\n    \"sales.Order Notes\"\n  ]"),
                json);
        assertTrue(json.contains("\"selfReference\": true"), json);
        assertTrue(json.contains("\"cycles\": []"), json);
    }

    @Test
    void htmlEmbedsALaidOutSvgAndLoadsNothingFromTheNetwork(@TempDir Path dir) throws Exception {
        List<Path> files = new GraphWriter(GraphWriter.DEFAULT_MAX_PICTURE_TABLES)
                .write(sample(), EnumSet.allOf(GraphFormat.class), dir);
        assertEquals(
                List.of("schema.mmd", "migrations.mmd", "schema.dot", "graph.json", "schema.svg", "graph.html"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        String html = Files.readString(dir.resolve("graph.html"));
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), html);
        // the only URL is the SVG namespace: no scripts, styles, fonts or images to fetch
        Matcher urls = Pattern.compile("(?:src|href)\\s*=|url\\((?!#)|https?://(?!www\\.w3\\.org/2000/svg)")
                .matcher(html);
        assertFalse(urls.find(), () -> "network reference: " + urls.group());
        String svg = Files.readString(dir.resolve("schema.svg"));
        assertEquals(4, count(svg, "<g class=\"table\""));
        assertEquals(3, count(svg, "marker-start=\"url(#arrow)\""));
        // the layout placed the boxes apart: no two tables at the same position
        List<String> positions = Pattern.compile("translate\\(([^)]*)\\)")
                .matcher(svg)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertEquals(4, positions.stream().distinct().count(), positions.toString());
        // referenced tables are placed left of the tables referencing them
        assertTrue(x(svg, "customers") < x(svg, "orders"), svg);
        assertTrue(x(svg, "orders") < x(svg, "sales.Order Notes"), svg);
    }

    @Test
    void pictureIsLeftOutAboveTheLimit(@TempDir Path dir) throws Exception {
        List<Path> files = new GraphWriter(2).write(sample(), EnumSet.of(GraphFormat.HTML), dir);
        assertEquals(List.of(dir.resolve("graph.html")), files);
        assertTrue(Files.readString(dir.resolve("graph.html")).contains("The picture is left out: 4 tables"));
    }

    private static double x(String svg, String qualifiedOrName) {
        Matcher m = Pattern.compile("translate\\(([0-9.]+),[0-9.]+\\)\"><title>(?:public\\.)?"
                        + Pattern.quote(qualifiedOrName) + " - ")
                .matcher(svg);
        assertTrue(m.find(), qualifiedOrName);
        return Double.parseDouble(m.group(1));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
