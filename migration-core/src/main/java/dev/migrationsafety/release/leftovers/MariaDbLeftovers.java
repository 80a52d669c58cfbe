package dev.migrationsafety.release.leftovers;

import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.report.Finding;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MariaDB's and MySQL's leftovers: only orphan rows apply (rows written while {@code foreign_key_checks} was off, or
 * loaded before a foreign key was added with it off); constraints are never left {@code NOT VALID} and a failed index
 * build leaves no index behind, which the result says.
 */
final class MariaDbLeftovers {
    static final String NOT_VALID = "NOT VALID constraints: not applicable on MariaDB/MySQL, which check a constraint"
            + " when it is added (a foreign key added while foreign_key_checks was off is covered by the orphan-row"
            + " check)";
    static final String INVALID_INDEX =
            "invalid indexes: not applicable on MariaDB/MySQL, where a failed index build" + " leaves no index behind";

    private MariaDbLeftovers() {}

    static LeftoverResult check(Connection c, LeftoverOptions options) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        List<String> notChecked = new ArrayList<>(List.of(NOT_VALID, INVALID_INDEX));
        OrphanRows.check(c, foreignKeys(c), options, false, findings, notChecked);
        return new LeftoverResult(findings, notChecked);
    }

    private static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        Map<String, List<String[]>> byKey = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        SnapshotReader.query(
                c,
                "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,"
                        + " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA = DATABASE(),"
                        + " t.TABLE_ROWS FROM information_schema.KEY_COLUMN_USAGE k"
                        + " JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = k.TABLE_SCHEMA"
                        + " AND t.TABLE_NAME = k.TABLE_NAME"
                        + " WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL"
                        + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
                r -> {
                    String key = r.getString(1) + "\u0000" + r.getString(2);
                    String parent = (r.getBoolean(7) ? "" : quote(r.getString(4)) + ".") + quote(r.getString(5));
                    byKey.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new String[] {r.getString(1), r.getString(2), r.getString(3), parent, r.getString(6)});
                    long estimate = r.getLong(8);
                    rows.put(key, r.wasNull() ? -1 : estimate);
                });
        List<ForeignKey> keys = new ArrayList<>();
        byKey.forEach((key, cols) -> keys.add(new ForeignKey(
                quote(cols.get(0)[1]),
                quote(cols.get(0)[0]),
                cols.stream().map(col -> quote(col[2])).toList(),
                cols.get(0)[3],
                cols.stream().map(col -> quote(col[4])).toList(),
                rows.get(key),
                true)));
        return keys;
    }

    /** A name as MariaDB's SQL writes it: in backticks only where it needs them. */
    static String quote(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_$]*") ? name : "`" + name.replace("`", "``") + "`";
    }
}
