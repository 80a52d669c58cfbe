package dev.migrationsafety.schema.render;

import dev.migrationsafety.io.AtomicFiles;
import dev.migrationsafety.schema.GraphResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes the chosen formats of a graph into a directory, each file atomically; returns the files written. */
public final class GraphWriter {
    /** Above this many tables the HTML page leaves the picture out: a layout that size helps nobody. */
    public static final int DEFAULT_MAX_PICTURE_TABLES = 1000;

    private final int maxPictureTables;

    public GraphWriter(int maxPictureTables) {
        this.maxPictureTables = maxPictureTables;
    }

    public List<Path> write(GraphResult result, Set<GraphFormat> formats, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        if (formats.contains(GraphFormat.MERMAID)) {
            written.add(write(dir.resolve("schema.mmd"), MermaidRenderer.erDiagram(result)));
            written.add(write(dir.resolve("migrations.mmd"), MermaidRenderer.migrationFlowchart(result)));
        }
        if (formats.contains(GraphFormat.DOT)) {
            written.add(write(dir.resolve("schema.dot"), DotRenderer.render(result)));
        }
        if (formats.contains(GraphFormat.JSON)) {
            written.add(write(dir.resolve("graph.json"), JsonRenderer.render(result)));
        }
        if (formats.contains(GraphFormat.HTML)) {
            int tables = result.schema().tables().size();
            if (tables <= maxPictureTables) {
                String svg = SvgRenderer.render(result);
                written.add(write(dir.resolve("schema.svg"), svg));
                written.add(write(dir.resolve("graph.html"), HtmlRenderer.render(result, svg, null)));
            } else {
                written.add(write(
                        dir.resolve("graph.html"),
                        HtmlRenderer.render(
                                result,
                                null,
                                "The picture is left out: " + tables + " tables are more than " + maxPictureTables
                                        + " (parameter maxPictureTables). Narrow it with includeTables / "
                                        + "excludeTables or includeSchemas / excludeSchemas.")));
            }
        }
        return written;
    }

    private static Path write(Path file, String content) throws IOException {
        AtomicFiles.write(file, content);
        return file;
    }
}
