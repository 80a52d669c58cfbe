package dev.migrationsafety.catalog.postgres;

import static dev.migrationsafety.catalog.SnapshotReader.normalise;

import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the rows of {@link PostgresCatalog}'s query into schema objects, with the properties reports compare. */
public final class PostgresObjects {
    private PostgresObjects() {}

    static void add(SchemaSnapshot.Builder b, String kind, String nsp, String name, String sub, String[] p) {
        switch (kind) {
            case "relation" -> relation(b, nsp, name, sub, p);
            case "column" -> column(b, nsp, name, sub, p);
            case "constraint" -> constraint(b, nsp, name, sub, p);
            case "index" -> index(b, nsp, name, sub, p);
            case "sequence" ->
                b.add(
                        ObjectKind.SEQUENCE,
                        qualify(nsp, name),
                        Map.of(
                                "type", p[0],
                                "start", p[1],
                                "increment", p[2],
                                "minimum", p[3],
                                "maximum", p[4],
                                "cycle", yes(p[5])));
            case "type" -> type(b, qualify(nsp, name), sub, p);
            case "function" -> function(b, qualify(nsp, name), sub, p);
            case "trigger" -> {
                if (!SnapshotReader.isHistory(name)) {
                    b.add(
                            ObjectKind.TRIGGER,
                            qualify(nsp, name) + "." + sub,
                            Map.of("definition", normalise(p[0]), "enabled", p[1]));
                }
            }
            case "extension" -> b.add(ObjectKind.EXTENSION, name, Map.of("version", p[0], "schema", nsp));
            default -> throw new IllegalStateException("unknown catalogue row kind " + kind);
        }
    }

    private static void relation(SchemaSnapshot.Builder b, String nsp, String relname, String relkind, String[] p) {
        if (SnapshotReader.isHistory(relname)) {
            return;
        }
        String name = qualify(nsp, relname);
        if (relkind.equals("v") || relkind.equals("m")) {
            b.add(
                    ObjectKind.VIEW,
                    name,
                    Map.of("materialized", relkind.equals("m") ? "yes" : "no", "definition", normalise(p[0])));
        } else {
            b.add(ObjectKind.TABLE, name, Map.of("partitioned", relkind.equals("p") ? "yes" : "no"));
        }
    }

    private static void column(SchemaSnapshot.Builder b, String nsp, String table, String column, String[] p) {
        if (SnapshotReader.isHistory(table)) {
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("type", p[0]);
        props.put("nullable", "true".equals(p[1]) ? "no" : "yes");
        if (p[4] != null && !p[4].isEmpty()) {
            props.put("generated", p[2]);
        } else {
            props.put("default", p[2]);
        }
        if (p[3] != null && !p[3].isEmpty()) {
            props.put("identity", p[3].equals("a") ? "always" : "by default");
        }
        b.column(qualify(nsp, table), column, props);
    }

    private static void constraint(SchemaSnapshot.Builder b, String nsp, String table, String name, String[] p) {
        if (SnapshotReader.isHistory(table)) {
            return;
        }
        ObjectKind kind =
                switch (p[0]) {
                    case "p" -> ObjectKind.PRIMARY_KEY;
                    case "u" -> ObjectKind.UNIQUE_KEY;
                    case "f" -> ObjectKind.FOREIGN_KEY;
                    default -> ObjectKind.CHECK_CONSTRAINT;
                };
        Map<String, String> props = new LinkedHashMap<>();
        if (kind == ObjectKind.CHECK_CONSTRAINT) {
            props.put("definition", normalise(p[1]));
        } else {
            props.put("columns", p[2]);
        }
        if (kind == ObjectKind.FOREIGN_KEY) {
            props.put("references", p[3] + "(" + p[4] + ")");
            props.put("on update", action(p[5]));
            props.put("on delete", action(p[6]));
        }
        if ("true".equals(p[7])) {
            props.put("deferrable", "true".equals(p[8]) ? "initially deferred" : "initially immediate");
        }
        if (!"true".equals(p[9])) {
            props.put("validated", "no");
        }
        b.add(kind, qualify(nsp, table) + "." + name, props);
    }

    private static void index(SchemaSnapshot.Builder b, String nsp, String name, String table, String[] p) {
        if (SnapshotReader.isHistory(table)) {
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("table", qualify(nsp, table));
        props.put("columns", p[4]);
        props.put("unique", yes(p[0]));
        props.put("method", p[2]);
        props.put("predicate", p[3]);
        if (!"true".equals(p[1])) {
            props.put("valid", "no");
        }
        b.add(ObjectKind.INDEX, qualify(nsp, name), props);
    }

    private static void type(SchemaSnapshot.Builder b, String name, String typtype, String[] p) {
        if (typtype.equals("e")) {
            b.add(ObjectKind.ENUM_TYPE, name, Map.of("labels", p[0] == null ? "" : p[0]));
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("type", p[1]);
        props.put("nullable", "true".equals(p[2]) ? "no" : "yes");
        props.put("default", p[3]);
        props.put("check", normalise(p[4]));
        b.add(ObjectKind.DOMAIN, name, props);
    }

    private static void function(SchemaSnapshot.Builder b, String name, String prokind, String[] p) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(
                "kind",
                switch (prokind) {
                    case "p" -> "procedure";
                    case "a" -> "aggregate";
                    case "w" -> "window function";
                    default -> "function";
                });
        props.put("returns", p[0]);
        props.put("language", p[1]);
        props.put("volatility", p[2]);
        props.put("security definer", "true".equals(p[3]) ? "yes" : null);
        props.put("body", normalise(p[4]));
        b.add(ObjectKind.FUNCTION, name, props);
    }

    private static String yes(String bool) {
        return "true".equals(bool) ? "yes" : "no";
    }

    private static String qualify(String schema, String name) {
        return "public".equals(schema) ? name : schema + "." + name;
    }

    private static String action(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }
}
