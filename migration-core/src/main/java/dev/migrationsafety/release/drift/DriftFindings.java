package dev.migrationsafety.release.drift;

import dev.migrationsafety.catalog.Difference;
import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.SchemaObject;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotDiff;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the differences between the replayed schema (expected) and the target's (actual) into one finding per object
 * changed by hand: a table added or dropped by hand is one finding, not one per column, key and index; the changed
 * properties of one object are one finding. Each names the object and what differs in {@link Difference}'s wording.
 */
final class DriftFindings {
    static final String PATH = "database";
    static final String RULE = "drift";
    static final String MIGRATIONS = "in the applied migrations";
    static final String DATABASE = "in the database";

    private DriftFindings() {}

    static List<Finding> of(SchemaSnapshot expected, SchemaSnapshot actual) {
        List<Difference> differences = SnapshotDiff.compare(expected, actual);
        Set<String> extraTables = new HashSet<>();
        Set<String> missingTables = new HashSet<>();
        for (Difference d : differences) {
            if (d.kind() == ObjectKind.TABLE && d.change() == Difference.Change.EXTRA) {
                extraTables.add(d.name());
            } else if (d.kind() == ObjectKind.TABLE && d.change() == Difference.Change.MISSING) {
                missingTables.add(d.name());
            }
        }
        Map<String, List<Difference>> byObject = new LinkedHashMap<>();
        for (Difference d : differences) {
            if (d.change() == Difference.Change.EXTRA && inTable(d, extraTables, actual)
                    || d.change() == Difference.Change.MISSING && inTable(d, missingTables, expected)
                    || d.isColumnOrder() && (extraTables.contains(d.name()) || missingTables.contains(d.name()))) {
                continue;
            }
            String key = d.change() + ":" + d.kind() + ":" + d.name();
            byObject.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        return byObject.values().stream().map(DriftFindings::finding).toList();
    }

    /** Whether the difference is about a part of one of the tables (a column, key, index or trigger of it). */
    private static boolean inTable(Difference d, Set<String> tables, SchemaSnapshot where) {
        if (d.kind() == ObjectKind.TABLE || tables.isEmpty()) {
            return false;
        }
        if (d.kind() == ObjectKind.INDEX) {
            SchemaObject index = where.get(ObjectKind.INDEX, d.name());
            String table = index == null ? null : index.property("table");
            if (table != null) {
                return tables.contains(table);
            }
        }
        int dot = d.name().lastIndexOf('.');
        return dot > 0 && tables.contains(d.name().substring(0, dot));
    }

    private static Finding finding(List<Difference> sameObject) {
        Difference first = sameObject.get(0);
        String object = first.kind().label() + " " + first.name();
        return switch (first.change()) {
            case EXTRA ->
                new Finding(
                        PATH,
                        0,
                        0,
                        Severity.HIGH,
                        RULE,
                        object + " exists in the database but no applied migration creates it",
                        "drop it from the database, or add a migration that creates it so that the migrations"
                                + " describe the database");
            case MISSING ->
                new Finding(
                        PATH,
                        0,
                        0,
                        Severity.HIGH,
                        RULE,
                        object + " is missing from the database although the applied migrations create it",
                        "recreate it as the migrations define it, or add a migration that drops it");
            case CHANGED -> {
                StringBuilder message = new StringBuilder(first.describe(MIGRATIONS, DATABASE));
                for (Difference d : sameObject.subList(1, sameObject.size())) {
                    message.append("; ").append(d.describe(MIGRATIONS, DATABASE).substring(object.length() + 2));
                }
                yield new Finding(
                        PATH,
                        0,
                        0,
                        Severity.HIGH,
                        RULE,
                        message.toString(),
                        "change it back as the migrations define it, or add a migration that makes the change");
            }
            case COLUMN_ORDER ->
                new Finding(
                        PATH,
                        0,
                        0,
                        Severity.LOW,
                        RULE,
                        first.describe(MIGRATIONS, DATABASE),
                        "harmless unless code relies on the column order (SELECT *, INSERT without columns); recreate"
                                + " the table in the migrations' order to remove it");
        };
    }
}
