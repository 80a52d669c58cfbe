package dev.migrationsafety.catalog;

import java.util.List;

/**
 * One way two snapshots differ.
 *
 * @param kind the kind of the object
 * @param name the object's name
 * @param change what differs
 * @param property for {@link Change#CHANGED}, the property that differs ({@code type}, {@code default}, ...)
 * @param before the value in the expected snapshot; null when absent
 * @param after the value in the actual snapshot; null when absent
 */
public record Difference(ObjectKind kind, String name, Change change, String property, String before, String after) {

    public enum Change {
        /** In the expected snapshot, not in the actual one. */
        MISSING,
        /** In the actual snapshot, not in the expected one. */
        EXTRA,
        /** In both, with a property that differs. */
        CHANGED,
        /**
         * The same columns in another order (a table's, or a view's select list): a warning unless configured
         * otherwise.
         */
        COLUMN_ORDER
    }

    /** Whether this difference is only about column order. */
    public boolean isColumnOrder() {
        return change == Change.COLUMN_ORDER;
    }

    /**
     * The difference as a report shows it, e.g. {@code index crates_name_idx missing} or
     * {@code column api_tokens.token: varchar(64) before, text after}. A long value (a view's definition) is shortened
     * to the part that differs, with a few words around it ({@link CompactDiff}); the reports in JSON keep both values
     * whole.
     */
    public String describe() {
        return describe("before", "after");
    }

    /**
     * The difference as {@link #describe()} words it, with the two values of a changed property labelled by where
     * they come from instead of {@code before} and {@code after}, e.g. {@code column orders.total: integer in the
     * applied migrations, bigint in the database}.
     *
     * @param expectedLabel what the expected snapshot is, e.g. {@code before}
     * @param actualLabel what the actual snapshot is, e.g. {@code after}
     */
    public String describe(String expectedLabel, String actualLabel) {
        String object = kind.label() + " " + name;
        return switch (change) {
            case MISSING -> object + " missing";
            case EXTRA -> object + " present but not expected";
            case CHANGED -> {
                List<String> shown = CompactDiff.of(before, after);
                yield object + ": " + ("type".equals(property) || "definition".equals(property) ? "" : property + " ")
                        + shown.get(0) + " " + expectedLabel + ", " + shown.get(1) + " " + actualLabel;
            }
            case COLUMN_ORDER ->
                "column order of " + kind.label() + " " + name + ": (" + before + ") " + expectedLabel + ", (" + after
                        + ") " + actualLabel;
        };
    }
}
