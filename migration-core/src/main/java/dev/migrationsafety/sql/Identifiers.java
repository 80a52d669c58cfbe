package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Identifier normalisation per dialect, as the database itself resolves names: quotes ({@code "x"}, {@code `x`},
 * {@code [x]}) removed with doubled quotes unescaped and the case kept; unquoted names folded (PostgreSQL and generic:
 * lower case, H2: upper case, MySQL: kept as written).
 */
public final class Identifiers {
    private Identifiers() {}

    /** The normalised form of one identifier part as written (quoted or not). */
    public static String normalize(String raw, Dialect dialect) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`')) {
                String q = String.valueOf(first);
                return s.substring(1, s.length() - 1).replace(q + q, q);
            }
            if (first == '[' && last == ']') {
                return s.substring(1, s.length() - 1);
            }
        }
        return switch (dialect) {
            case H2 -> s.toUpperCase(Locale.ROOT);
            case MYSQL -> s;
            case POSTGRESQL, GENERIC -> s.toLowerCase(Locale.ROOT);
        };
    }

    /** Normalises each name of a list. */
    public static List<String> normalizeAll(List<String> raw, Dialect dialect) {
        List<String> out = new ArrayList<>(raw == null ? 0 : raw.size());
        if (raw != null) {
            for (String r : raw) {
                out.add(normalize(r, dialect));
            }
        }
        return out;
    }

    /**
     * A table name from its dotted parts as written ({@code name}, {@code schema.name} or {@code db.schema.name});
     * the part before the name becomes the schema (for MySQL that is the database).
     */
    public static TableName tableName(List<String> parts, Dialect dialect) {
        int n = parts.size();
        String name = normalize(parts.get(n - 1), dialect);
        String schema = n >= 2 ? normalize(parts.get(n - 2), dialect) : null;
        return new TableName(schema, name);
    }

    /** Splits a dotted name as written ({@code s."T.x"}) at dots outside quotes, then normalises it. */
    public static TableName tableName(String dotted, Dialect dialect) {
        return tableName(splitDotted(dotted), dialect);
    }

    static List<String> splitDotted(String dotted) {
        List<String> parts = new ArrayList<>(3);
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < dotted.length(); i++) {
            char c = dotted.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                cur.append(c);
            } else if (c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == '[') {
                quote = ']';
                cur.append(c);
            } else if (c == '.') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
