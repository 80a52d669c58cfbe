package dev.migrationsafety.schema.render;

import java.util.Locale;

/** The files {@code migration:graph} can write. */
public enum GraphFormat {
    /** {@code schema.mmd} (erDiagram) and {@code migrations.mmd} (flowchart). */
    MERMAID,
    /** {@code schema.dot}. */
    DOT,
    /** {@code graph.json}. */
    JSON,
    /** {@code graph.html} with the SVG embedded, and {@code schema.svg}. */
    HTML;

    public static GraphFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown graph format '" + text + "'; use mermaid, dot, json or html");
        }
    }
}
