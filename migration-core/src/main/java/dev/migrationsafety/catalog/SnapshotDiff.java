package dev.migrationsafety.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Compares two snapshots object by object. */
public final class SnapshotDiff {
    private SnapshotDiff() {}

    /**
     * The differences between what was expected and what was found: missing, unexpected and changed objects (one
     * difference per changed property), then column-order differences of tables whose columns are otherwise the
     * same set.
     */
    public static List<Difference> compare(SchemaSnapshot expected, SchemaSnapshot actual) {
        List<Difference> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(expected.objects().keySet());
        keys.addAll(actual.objects().keySet());
        for (String key : keys) {
            SchemaObject e = expected.objects().get(key);
            SchemaObject a = actual.objects().get(key);
            if (a == null) {
                out.add(new Difference(e.kind(), e.name(), Difference.Change.MISSING, null, null, null));
            } else if (e == null) {
                out.add(new Difference(a.kind(), a.name(), Difference.Change.EXTRA, null, null, null));
            } else {
                TreeSet<String> props = new TreeSet<>(e.properties().keySet());
                props.addAll(a.properties().keySet());
                for (String p : props) {
                    String before = e.property(p);
                    String after = a.property(p);
                    if (!Objects.equals(before, after)) {
                        out.add(new Difference(e.kind(), e.name(), Difference.Change.CHANGED, p, before, after));
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> entry : expected.columnOrder().entrySet()) {
            List<String> before = entry.getValue();
            List<String> after = actual.columnOrder().get(entry.getKey());
            if (after != null && !before.equals(after) && new TreeSet<>(before).equals(new TreeSet<>(after))) {
                out.add(new Difference(
                        ObjectKind.TABLE,
                        entry.getKey(),
                        Difference.Change.COLUMN_ORDER,
                        "column order",
                        String.join(", ", before),
                        String.join(", ", after)));
            }
        }
        out.sort(Comparator.comparing(Difference::isColumnOrder)
                .thenComparing(Difference::kind)
                .thenComparing(Difference::name));
        return List.copyOf(out);
    }
}
