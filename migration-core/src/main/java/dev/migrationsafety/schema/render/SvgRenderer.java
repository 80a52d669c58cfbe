package dev.migrationsafety.schema.render;

import dev.migrationsafety.schema.ForeignKey;
import dev.migrationsafety.schema.GraphResult;
import dev.migrationsafety.schema.Schema;
import dev.migrationsafety.schema.Table;
import dev.migrationsafety.schema.TableGraph;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The table graph as a self-contained SVG: the Eclipse Layout Kernel's layered algorithm places the tables
 * (referenced tables to the left of the tables that reference them) and routes the foreign keys orthogonally;
 * this class only draws boxes, text and paths at the coordinates it computed.
 */
public final class SvgRenderer {
    private static final double CHAR_WIDTH = 7.2; // 12px monospace
    private static final double LINE_HEIGHT = 16;
    private static final double PADDING = 8;
    private static final int SMALL = 100;

    static {
        // register the layered algorithm explicitly: ServiceLoader may not see it from a Maven plugin's class realm
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private SvgRenderer() {}

    public static String render(GraphResult result) {
        Schema schema = result.schema();
        Labels labels = new Labels(schema);
        Set<ForeignKey> inCycle = new HashSet<>();
        for (TableGraph.Cycle c : result.cycles()) {
            inCycle.addAll(c.edges());
        }

        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(20));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        // crossing minimisation dominates on big graphs: ELK's default effort for small ones, its least above
        root.setProperty(LayeredOptions.THOROUGHNESS, schema.tables().size() <= SMALL ? 7 : 1);

        Map<TableName, ElkNode> nodes = new HashMap<>();
        Map<ElkNode, List<String>> lines = new HashMap<>();
        for (Table t : schema.tables()) {
            List<String> text = new ArrayList<>();
            text.add(labels.name(t.name()));
            for (Labels.KeyColumn c : labels.keyColumns(t)) {
                text.add(c.name() + "  " + c.marks());
            }
            int longest = text.stream().mapToInt(String::length).max().orElse(1);
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setDimensions(longest * CHAR_WIDTH + 2 * PADDING, text.size() * LINE_HEIGHT + PADDING);
            nodes.put(t.name(), node);
            lines.put(node, text);
        }
        Map<ElkEdge, ForeignKey> edges = new java.util.LinkedHashMap<>();
        for (ForeignKey fk : schema.foreignKeys()) {
            // laid out from the referenced table to the referencing one, so creation order reads left to right
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes.get(fk.target()), nodes.get(fk.table()));
            edges.put(edge, fk);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        double width = Math.max(root.getWidth(), 100);
        double height = Math.max(root.getHeight(), 40);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(num(width))
                .append("\" height=\"")
                .append(num(height))
                .append("\" viewBox=\"0 0 ")
                .append(num(width))
                .append(' ')
                .append(num(height))
                .append("\" font-family=\"monospace\" font-size=\"12\">\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/>"
                + "</marker></defs>\n");
        for (Map.Entry<ElkEdge, ForeignKey> e : edges.entrySet()) {
            ForeignKey fk = e.getValue();
            String color = inCycle.contains(fk) ? "#c62828" : "#546e7a";
            for (ElkEdgeSection s : e.getKey().getSections()) {
                StringBuilder d = new StringBuilder();
                d.append('M').append(num(s.getStartX())).append(',').append(num(s.getStartY()));
                for (ElkBendPoint b : s.getBendPoints()) {
                    d.append(" L").append(num(b.getX())).append(',').append(num(b.getY()));
                }
                d.append(" L").append(num(s.getEndX())).append(',').append(num(s.getEndY()));
                svg.append("<path d=\"")
                        .append(d)
                        .append("\" fill=\"none\" stroke=\"")
                        .append(color)
                        .append("\" stroke-width=\"1.2\" marker-start=\"url(#arrow)\"><title>")
                        .append(xml(fk.name() + ": " + labels.name(fk.table()) + "(" + String.join(", ", fk.columns())
                                + ") references " + labels.name(fk.target()) + " - added by "
                                + fk.introducedBy().label()))
                        .append("</title></path>\n");
            }
        }
        for (Table t : schema.tables()) {
            ElkNode n = nodes.get(t.name());
            List<String> text = lines.get(n);
            svg.append("<g class=\"table\" transform=\"translate(")
                    .append(num(n.getX()))
                    .append(',')
                    .append(num(n.getY()))
                    .append(")\"><title>")
                    .append(xml(t.name().qualified() + " - created by "
                            + t.introducedBy().label()))
                    .append("</title>");
            svg.append("<rect width=\"")
                    .append(num(n.getWidth()))
                    .append("\" height=\"")
                    .append(num(n.getHeight()))
                    .append("\" rx=\"3\" fill=\"#ffffff\" stroke=\"#37474f\"/>");
            svg.append("<rect width=\"")
                    .append(num(n.getWidth()))
                    .append("\" height=\"")
                    .append(num(LINE_HEIGHT + 2))
                    .append("\" rx=\"3\" fill=\"#cfd8dc\" stroke=\"#37474f\"/>");
            for (int i = 0; i < text.size(); i++) {
                svg.append("<text x=\"")
                        .append(num(PADDING))
                        .append("\" y=\"")
                        .append(num(LINE_HEIGHT * (i + 1) - 3 + (i > 0 ? 2 : 0)))
                        .append('"')
                        .append(i == 0 ? " font-weight=\"bold\"" : "")
                        .append('>')
                        .append(xml(text.get(i)))
                        .append("</text>");
            }
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
