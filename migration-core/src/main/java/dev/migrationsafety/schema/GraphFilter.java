package dev.migrationsafety.schema;

import dev.migrationsafety.sql.TableName;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which schemas and tables a picture shows. Patterns are globs: {@code *} matches any run of characters,
 * {@code ?} one character; matching is case-insensitive. A table pattern without a dot matches the table name in
 * any schema; one with a dot matches {@code schema.table}. Empty include lists include everything; excludes win.
 */
public final class GraphFilter {
    private final List<Pattern> includeSchemas;
    private final List<Pattern> excludeSchemas;
    private final List<Glob> includeTables;
    private final List<Glob> excludeTables;

    private record Glob(Pattern pattern, boolean qualified) {}

    public GraphFilter(
            List<String> includeSchemas,
            List<String> excludeSchemas,
            List<String> includeTables,
            List<String> excludeTables) {
        this.includeSchemas = globs(includeSchemas).stream().map(Glob::pattern).toList();
        this.excludeSchemas = globs(excludeSchemas).stream().map(Glob::pattern).toList();
        this.includeTables = globs(includeTables);
        this.excludeTables = globs(excludeTables);
    }

    /** A filter that keeps everything. */
    public static GraphFilter all() {
        return new GraphFilter(List.of(), List.of(), List.of(), List.of());
    }

    public boolean acceptsAll() {
        return includeSchemas.isEmpty()
                && excludeSchemas.isEmpty()
                && includeTables.isEmpty()
                && excludeTables.isEmpty();
    }

    public boolean acceptsSchema(String schema) {
        String s = schema == null ? "" : schema;
        if (!includeSchemas.isEmpty()
                && includeSchemas.stream().noneMatch(p -> p.matcher(s).matches())) {
            return false;
        }
        return excludeSchemas.stream().noneMatch(p -> p.matcher(s).matches());
    }

    /** Whether the table is shown; {@code defaultSchema} stands for a table without schema. */
    public boolean accepts(TableName table, String defaultSchema) {
        String schema = table.schema() == null ? defaultSchema : table.schema();
        if (!acceptsSchema(schema)) {
            return false;
        }
        if (!includeTables.isEmpty() && includeTables.stream().noneMatch(g -> matches(g, schema, table.name()))) {
            return false;
        }
        return excludeTables.stream().noneMatch(g -> matches(g, schema, table.name()));
    }

    private static boolean matches(Glob glob, String schema, String name) {
        String text = glob.qualified() ? (schema == null ? "" : schema) + "." + name : name;
        return glob.pattern().matcher(text).matches();
    }

    private static List<Glob> globs(List<String> patterns) {
        if (patterns == null) {
            return List.of();
        }
        return patterns.stream()
                .filter(p -> p != null && !p.isBlank())
                .map(String::strip)
                .map(p -> new Glob(compile(p), p.contains(".")))
                .toList();
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
