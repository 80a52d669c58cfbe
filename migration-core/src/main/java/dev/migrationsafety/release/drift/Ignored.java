package dev.migrationsafety.release.drift;

import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.SchemaObject;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.database.ScratchDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the drift check leaves out of both schemas: Flyway's history table (under its configured name, with its
 * columns, keys and indexes), the project's own scratch artefacts (scratch schemas named {@code migration_rt_...}
 * left by a round trip run without the sandbox; the round trip's change-log schema is never read), and the
 * extensions every PostgreSQL database starts with ({@code plpgsql}) or the scratch database is prepared with.
 */
final class Ignored {
    private final String historyTable;
    private final List<String> extensions;

    Ignored(String historyTable, List<String> extensions) {
        this.historyTable = historyTable.toLowerCase(Locale.ROOT);
        this.extensions = extensions;
    }

    SchemaSnapshot filter(SchemaSnapshot snapshot) {
        Map<String, SchemaObject> kept = new LinkedHashMap<>();
        snapshot.objects().forEach((key, o) -> {
            if (!ignored(o)) {
                kept.put(key, o);
            }
        });
        Map<String, List<String>> order = new LinkedHashMap<>();
        snapshot.columnOrder().forEach((table, columns) -> {
            if (!isHistoryOrScratch(table)) {
                order.put(table, columns);
            }
        });
        return new SchemaSnapshot(kept, order);
    }

    private boolean ignored(SchemaObject o) {
        if (o.kind() == ObjectKind.EXTENSION) {
            return o.name().equals("plpgsql") || extensions.contains(o.name());
        }
        if (isHistoryOrScratch(o.name())) {
            return true;
        }
        String table = o.property("table");
        return o.kind() == ObjectKind.INDEX && table != null && isHistoryOrScratch(table);
    }

    /** Whether a name is, or is inside, the history table or a scratch schema. */
    private boolean isHistoryOrScratch(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(ScratchDatabase.PREFIX) || List.of(n.split("\\.")).contains(historyTable);
    }
}
