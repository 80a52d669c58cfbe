package dev.migrationsafety.sql;

import java.util.List;
import java.util.Locale;

/** Reads a column definition's constraint words ({@code NOT NULL DEFAULT 0 UNIQUE ...}) into a {@link ColumnDef}. */
final class ColumnSpecs {
    private ColumnSpecs() {}

    /**
     * @param name the normalised column name
     * @param type the type as written
     * @param words the words after the type, one per token (a parenthesised group may be one word)
     * @param references an inline foreign key already read, or {@code null}
     */
    static ColumnDef of(String name, String type, List<String> words, ForeignKeyDef references) {
        boolean notNull = false;
        boolean hasDefault = generatesValues(type);
        boolean primaryKey = false;
        boolean unique = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toUpperCase(Locale.ROOT);
            String next = i + 1 < words.size() ? words.get(i + 1).toUpperCase(Locale.ROOT) : "";
            switch (w) {
                case "NOT" -> {
                    if (next.equals("NULL")) {
                        notNull = true;
                        i++;
                    }
                }
                case "PRIMARY" -> {
                    if (next.equals("KEY")) {
                        primaryKey = true;
                        notNull = true;
                        i++;
                    }
                }
                case "UNIQUE" -> unique = true;
                case "DEFAULT", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "GENERATED", "SERIAL" ->
                    hasDefault = true;
                default -> {
                    // collation, check, comments and the like say nothing about nullability or defaults
                }
            }
        }
        return new ColumnDef(name, typeText(type), notNull, hasDefault, primaryKey, unique, references);
    }

    /** A type as written with its spacing made uniform: {@code varchar (20)} becomes {@code varchar(20)}. */
    static String typeText(String type) {
        if (type == null) {
            return "";
        }
        return type.strip()
                .replaceAll("\\s+", " ")
                .replaceAll(" ?\\( ?", "(")
                .replaceAll(" ?\\)", ")")
                .replaceAll(" ?, ?", ",")
                .replaceAll(" ?\\. ?", ".")
                .replaceAll(" ?\\[ ?", "[")
                .replaceAll(" ?]", "]");
    }

    /** Types that fill existing rows themselves: PostgreSQL serials. */
    static boolean generatesValues(String type) {
        if (type == null) {
            return false;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.equals("serial")
                || t.equals("bigserial")
                || t.equals("smallserial")
                || t.equals("serial4")
                || t.equals("serial8")
                || t.equals("serial2");
    }
}
