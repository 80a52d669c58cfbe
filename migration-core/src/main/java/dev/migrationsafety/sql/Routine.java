package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.Locale;

/**
 * A function, procedure or trigger whose body holds statements: they run when it is called or fires, not when the
 * statement that defines it runs.
 *
 * @param kind {@link ObjectKind#FUNCTION}, {@link ObjectKind#PROCEDURE} or {@link ObjectKind#TRIGGER}
 * @param name its name as the dialect normalises it, without schema
 * @param table for a trigger, the table whose writes fire it (null when not read); null for a function or procedure
 */
public record Routine(ObjectKind kind, String name, TableName table) {

    /** Whether it is a trigger, whose body runs when a write to its table fires it. */
    public boolean trigger() {
        return kind == ObjectKind.TRIGGER;
    }

    /** How messages name it: {@code function purge()}, {@code trigger audit_t}. */
    public String display() {
        String k = kind.name().toLowerCase(Locale.ROOT);
        return trigger() ? k + " " + name : k + " " + name + "()";
    }
}
