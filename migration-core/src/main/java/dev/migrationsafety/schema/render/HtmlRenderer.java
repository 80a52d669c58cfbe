package dev.migrationsafety.schema.render;

import static dev.migrationsafety.schema.render.SvgRenderer.xml;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.schema.GraphResult;
import dev.migrationsafety.schema.MigrationDependency;
import dev.migrationsafety.schema.Schema;
import dev.migrationsafety.schema.TableGraph;
import dev.migrationsafety.sql.TableName;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page: the SVG picture embedded, then the orders, cycles, findings and migration
 * dependencies. No script, no style sheet, font or image from the network.
 */
public final class HtmlRenderer {
    private HtmlRenderer() {}

    /** @param svg the picture from {@link SvgRenderer}, or {@code null} to leave it out (with a note why) */
    public static String render(GraphResult result, String svg, String noPictureReason) {
        Schema schema = result.schema();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Schema graph</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#263238}\n")
                .append(".picture{overflow:auto;border:1px solid #cfd8dc;max-height:80vh}\n")
                .append("code,li.t{font-family:monospace}\n.cycle{color:#c62828}\n")
                .append("ol.order{columns:4 14em}\n</style>\n</head>\n<body>\n");
        h.append("<h1>Schema graph</h1>\n<p>")
                .append(schema.tables().size())
                .append(" tables, ")
                .append(schema.foreignKeys().size())
                .append(" foreign keys, ")
                .append(result.cycles().size())
                .append(" cycles, from ")
                .append(result.replay().migrations().size())
                .append(" migrations")
                .append(result.at() == null ? "" : " up to version " + xml(result.at()))
                .append(" (")
                .append(xml(schema.dialect().id()))
                .append(").</p>\n");
        h.append("<h2>Tables</h2>\n");
        if (svg != null) {
            h.append("<div class=\"picture\">\n").append(svg).append("</div>\n");
            h.append("<p>Arrows point from a referencing table to the table it references; red arrows are part of "
                    + "a cycle.</p>\n");
        } else {
            h.append("<p>").append(xml(noPictureReason)).append("</p>\n");
        }
        h.append("<h2>Creation order</h2>\n<ol class=\"order\">\n");
        for (TableName t : result.graph().creationOrder()) {
            h.append("<li class=\"t\">").append(xml(schema.display(t))).append("</li>\n");
        }
        h.append("</ol>\n<p>Drop in the reverse order.</p>\n");
        h.append("<h2>Cycles</h2>\n");
        if (result.cycles().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<ul>\n");
            for (TableGraph.Cycle c : result.cycles()) {
                h.append("<li class=\"cycle\">")
                        .append(xml(c.tables().stream().map(schema::display).collect(Collectors.joining(", "))))
                        .append(": ")
                        .append(xml(c.edges().stream()
                                .map(fk -> schema.display(fk.table()) + " -> " + schema.display(fk.target()) + " ("
                                        + fk.name() + ", " + fk.introducedBy().id() + ")")
                                .collect(Collectors.joining("; "))))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Findings</h2>\n");
        if (result.findings().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<ul>\n");
            for (Finding f : result.findings()) {
                h.append("<li><code>").append(xml(f.formatWithSeverity())).append("</code></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Migration dependencies</h2>\n<ul>\n");
        for (MigrationDependency d : result.replay().dependencies()) {
            h.append("<li>")
                    .append(xml(d.migration().label()))
                    .append(" depends on ")
                    .append(xml(d.dependsOn().label()))
                    .append(": ")
                    .append(xml(String.join(", ", d.reasons())))
                    .append("</li>\n");
        }
        h.append("</ul>\n</body>\n</html>\n");
        return h.toString();
    }
}
