package dev.migrationsafety.catalog;

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
        /** The same columns in another order: a warning unless configured otherwise. */
        COLUMN_ORDER
    }

    /** Whether this difference is only about column order. */
    public boolean isColumnOrder() {
        return change == Change.COLUMN_ORDER;
    }

    /**
     * The difference as a report shows it, e.g. {@code index crates_name_idx missing} or
     * {@code column api_tokens.token: varchar(64) before, text after}.
     */
    public String describe() {
        String object = kind.label() + " " + name;
        return switch (change) {
            case MISSING -> object + " missing";
            case EXTRA -> object + " present but not expected";
            case CHANGED ->
                object + ": " + ("type".equals(property) || "definition".equals(property) ? "" : property + " ")
                        + show(before) + " before, " + show(after) + " after";
            case COLUMN_ORDER -> "column order of table " + name + ": (" + before + ") before, (" + after + ") after";
        };
    }

    private static String show(String value) {
        if (value == null) {
            return "none";
        }
        String oneLine = value.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 197) + "..." : oneLine;
    }
}
