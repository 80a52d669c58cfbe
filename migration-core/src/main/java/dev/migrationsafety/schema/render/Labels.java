package dev.migrationsafety.schema.render;

import dev.migrationsafety.schema.Column;
import dev.migrationsafety.schema.ForeignKey;
import dev.migrationsafety.schema.Schema;
import dev.migrationsafety.schema.Table;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every picture shows of a table: its key columns (primary key and foreign-key columns), marked. */
final class Labels {
    /** A key column with its marks, e.g. {@code PK}, {@code FK} or {@code PK, FK}. */
    record KeyColumn(String name, String type, boolean primaryKey, boolean foreignKey) {
        String marks() {
            return primaryKey && foreignKey ? "PK, FK" : primaryKey ? "PK" : "FK";
        }
    }

    private final Schema schema;
    private final Map<TableName, Set<String>> fkColumns = new HashMap<>();

    Labels(Schema schema) {
        this.schema = schema;
        for (ForeignKey fk : schema.foreignKeys()) {
            fkColumns.computeIfAbsent(fk.table(), k -> new HashSet<>()).addAll(fk.columns());
        }
    }

    List<KeyColumn> keyColumns(Table table) {
        Set<String> fks = fkColumns.getOrDefault(table.name(), Set.of());
        Set<String> pk = new HashSet<>(table.primaryKey());
        Map<String, KeyColumn> out = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            boolean isPk = pk.contains(c.name());
            boolean isFk = fks.contains(c.name());
            if (isPk || isFk) {
                out.put(c.name(), new KeyColumn(c.name(), c.type(), isPk, isFk));
            }
        }
        return new ArrayList<>(out.values());
    }

    String name(TableName table) {
        return schema.display(table);
    }
}
