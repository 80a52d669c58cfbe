package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.Operation.ObjectKind;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TypeChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-operation checks of the catalogue. Stateless apart from what the caller passes: the dialect, the objects
 * created earlier in the same file, and for a down script the objects its up script created.
 */
final class OperationChecks {
    private final Dialect dialect;

    OperationChecks(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The findings of one operation.
     *
     * @param earlier objects created by earlier statements of the same file
     * @param up for a down script, what its up script created (and renamed); {@code null} for any other file
     */
    void check(SqlStatement s, Operation op, ObjectSet earlier, ObjectSet up, List<Finding> out) {
        boolean down = up != null;
        if (op instanceof Operation.DropTable d) {
            if ((down && up.hasTable(d.table())) || d.temporary() || earlier.createdTable(d.table())) {
                return; // a table of this migration, or a temporary one, holds no released data
            }
            add(
                    out,
                    s,
                    down ? Check.DOWN_DROPS_PREEXISTING : Check.DROP_TABLE,
                    "drops table " + d.table() + (down ? ", which its up script did not create" : " and all its rows"));
            cascade(out, s, d.cascade(), "table " + d.table());
        } else if (op instanceof Operation.DropColumn d) {
            if (down && up.hasColumn(d.table(), d.column())) {
                return;
            }
            String col = d.table() + "." + d.column();
            add(
                    out,
                    s,
                    down ? Check.DOWN_DROPS_PREEXISTING : Check.DROP_COLUMN,
                    "drops column " + col + (down ? ", which its up script did not add" : " and its values"));
            cascade(out, s, d.cascade(), "column " + col);
        } else if (op instanceof Operation.DropObject d) {
            dropObject(s, d, up, out);
        } else if (op instanceof Operation.Truncate t) {
            if (down && t.tables().stream().allMatch(up::hasTable)) {
                return;
            }
            add(out, s, Check.TRUNCATE, "truncates " + names(t.tables()) + ", deleting every row");
            cascade(out, s, t.cascade(), "truncate of " + names(t.tables()));
        } else if (op instanceof Operation.Delete d) {
            if (d.everyRow() && !(down && up.hasTable(d.table()))) {
                add(
                        out,
                        s,
                        Check.DELETE_WITHOUT_WHERE,
                        "deletes every row of " + d.table() + whereReason(d.hasWhere(), d.alwaysTrue()));
            }
        } else if (op instanceof Operation.Update u) {
            if (u.everyRow() && !(down && up.hasTable(u.table()))) {
                add(
                        out,
                        s,
                        Check.UPDATE_WITHOUT_WHERE,
                        "updates every row of " + u.table() + whereReason(u.hasWhere(), u.alwaysTrue()));
            }
        } else if (op instanceof Operation.DropConstraint d) {
            if (down && up.hasConstraint(d.name())) {
                return;
            }
            add(
                    out,
                    s,
                    down ? Check.DOWN_DROPS_PREEXISTING : Check.DROP_CONSTRAINT,
                    "drops constraint " + d.name() + " on " + d.table()
                            + (down ? ", which its up script did not add" : ""));
            cascade(out, s, d.cascade(), "constraint " + d.name());
        } else if (op instanceof Operation.DropIndex d) {
            if (down && up.hasIndex(d.name())) {
                return;
            }
            if (!down && dialect == Dialect.MYSQL) {
                // InnoDB drops a secondary index in place, without blocking writes: CONCURRENTLY is PostgreSQL's
                Finding f = Check.DROP_INDEX.at(s, "drops index " + d.name());
                out.add(new Finding(
                        f.path(),
                        f.line(),
                        f.column(),
                        f.severity(),
                        f.ruleId(),
                        f.message(),
                        "check the query plans first: queries that used the index fall back to other plans"));
            } else {
                add(
                        out,
                        s,
                        down ? Check.DOWN_DROPS_PREEXISTING : Check.DROP_INDEX,
                        "drops index " + d.name() + (down ? ", which its up script did not create" : ""));
            }
            cascade(out, s, d.cascade(), "index " + d.name());
        } else if (op instanceof Operation.RenameTable r) {
            if (!(down && up.renamedTable(r.to(), r.from())) && !earlier.hasTable(r.from())) {
                add(out, s, Check.RENAME_TABLE, "renames table " + r.from() + " to " + r.to());
            }
        } else if (op instanceof Operation.RenameColumn r) {
            if (!(down && up.renamedColumn(r.table(), r.to(), r.from())) && !earlier.hasTable(r.table())) {
                add(out, s, Check.RENAME_COLUMN, "renames column " + r.table() + "." + r.from() + " to " + r.to());
            }
        } else if (op instanceof Operation.ChangeColumnType c) {
            if (!earlier.hasTable(c.table()) && !(down && up.hasColumn(c.table(), c.column()))) {
                changeColumnType(s, c, earlier, up, out);
            }
        } else if (op instanceof Operation.AddColumn a) {
            if (a.column().notNull() && !a.column().hasDefault() && !earlier.hasTable(a.table())) {
                add(
                        out,
                        s,
                        Check.ADD_NOT_NULL_COLUMN_WITHOUT_DEFAULT,
                        "adds NOT NULL column " + a.table() + "." + a.column().name() + " without a default");
            }
        } else if (op instanceof Operation.SetNotNull n) {
            if (!earlier.hasColumn(n.table(), n.column())) {
                add(out, s, Check.SET_NOT_NULL, "sets " + n.table() + "." + n.column() + " NOT NULL");
            }
        } else if (op instanceof Operation.DropNotNull n) {
            add(out, s, Check.DROP_NOT_NULL, "drops NOT NULL from " + n.table() + "." + n.column());
        } else if (op instanceof Operation.AddConstraint c) {
            addConstraint(s, c, earlier, out);
        } else if (op instanceof Operation.CreateIndex i) {
            if (dialect == Dialect.POSTGRESQL
                    && !i.concurrently()
                    && !earlier.hasTable(i.table())
                    && !earlier.hasObject(ObjectKind.MATERIALIZED_VIEW, i.table())) {
                add(
                        out,
                        s,
                        Check.CREATE_INDEX_NOT_CONCURRENTLY,
                        "creates " + (i.unique() ? "unique " : "")
                                + "index " + (i.name() == null ? "" : i.name() + " ") + "on " + i.table()
                                + " without CONCURRENTLY");
            }
        } else if (op instanceof Operation.DropPartition
                || op instanceof Operation.DetachPartition
                || op instanceof Operation.DiscardRows
                || op instanceof Operation.UnloggedTable
                || op instanceof Operation.DropOwned
                || op instanceof Operation.CreateRule) {
            RowLossChecks.check(s, op, earlier, up, out);
        } else if (op instanceof Operation.ServerSide
                || op instanceof Operation.ChangeRole
                || op instanceof Operation.Grant) {
            ServerChecks.check(s, op, out);
        } else if (op instanceof Operation.NotAnalysable n) {
            add(out, s, Check.NOT_ANALYSABLE, "cannot be analysed: " + n.reason());
        }
    }

    /** change-column-type, with the narrowing it causes; lossy-type-change when it destroys the stored values. */
    private void changeColumnType(
            SqlStatement s, Operation.ChangeColumnType c, ObjectSet earlier, ObjectSet up, List<Finding> out) {
        String col = c.table() + "." + c.column();
        String oldType = earlier.typeOf(c.table(), c.column());
        if (oldType == null && up != null) {
            oldType = up.typeOf(c.table(), c.column());
        }
        if (TypeChanges.widensInPlace(c, oldType, dialect)) {
            return; // no rewrite, no value touched
        }
        TypeChanges.Loss loss = TypeChanges.assess(c, oldType, dialect);
        if (loss != null && loss.kind() == TypeChanges.Kind.DESTROYS) {
            add(out, s, Check.LOSSY_TYPE_CHANGE, "destroys the values of " + col + ": " + loss.reason());
        }
        add(
                out,
                s,
                Check.CHANGE_COLUMN_TYPE,
                "changes the type of " + col
                        + (c.newType() == null || c.newType().isBlank() ? "" : " to " + c.newType())
                        + (loss != null && loss.kind() == TypeChanges.Kind.NARROWS ? ": " + loss.reason() : ""));
    }

    private void dropObject(SqlStatement s, Operation.DropObject d, ObjectSet up, List<Finding> out) {
        if (up != null && up.hasObject(d.kind(), d.name())) {
            return;
        }
        String what = d.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + d.name();
        if (up != null && d.kind() != ObjectKind.OTHER) {
            add(out, s, Check.DOWN_DROPS_PREEXISTING, "drops " + what + ", which its up script did not create");
        } else if (d.kind() == ObjectKind.DATABASE) {
            add(out, s, Check.DROP_DATABASE, "drops database " + d.name());
        } else if (d.kind() == ObjectKind.SCHEMA) {
            add(out, s, Check.DROP_SCHEMA, "drops schema " + d.name() + " and everything in it");
        } else if (d.kind() == ObjectKind.TYPE || d.kind() == ObjectKind.DOMAIN) {
            if (d.cascade()) {
                add(out, s, Check.DROP_TYPE, "drops " + what + " with CASCADE; the columns of that type go with it");
            } else {
                // without CASCADE the database refuses while a column still uses the type: no data can go,
                // the migration can only fail
                out.add(Check.DROP_TYPE.at(
                        s,
                        Severity.MEDIUM,
                        "drops " + what + "; no data goes without CASCADE, but the migration fails if a column"
                                + " still uses it"));
            }
        }
        cascade(out, s, d.cascade(), what);
    }

    private void addConstraint(SqlStatement s, Operation.AddConstraint c, ObjectSet earlier, List<Finding> out) {
        if (earlier.hasTable(c.table())) {
            return;
        }
        if (c.kind() == Operation.ConstraintKind.UNIQUE
                && !c.columns().isEmpty()
                && c.columns().stream().allMatch(col -> earlier.hasColumn(c.table(), col))) {
            return; // columns this migration added: as for ADD COLUMN ... UNIQUE, their values are its own
        }
        String name = c.name() == null ? "" : c.name() + " ";
        if (c.kind() == Operation.ConstraintKind.UNIQUE) {
            add(
                    out,
                    s,
                    Check.ADD_UNIQUE_CONSTRAINT,
                    "adds unique constraint " + name + "on " + c.table()
                            + (c.columns().isEmpty() ? "" : " " + c.columns()));
        } else if (c.kind() == Operation.ConstraintKind.FOREIGN_KEY
                && dialect == Dialect.POSTGRESQL
                && !c.notValid()
                && (c.foreignKey() == null || !c.foreignKey().notValid())) {
            add(
                    out,
                    s,
                    Check.ADD_FOREIGN_KEY_WITHOUT_NOT_VALID,
                    "adds foreign key " + name + "on " + c.table()
                            + (c.foreignKey() == null
                                    ? ""
                                    : " to " + c.foreignKey().target()) + " without NOT VALID");
        }
    }

    private static String whereReason(boolean hasWhere, boolean alwaysTrue) {
        if (!hasWhere) {
            return " (no WHERE)";
        }
        return alwaysTrue
                ? " (it has a WHERE, but the condition is always true)"
                : " (it has a WHERE, but the condition does not depend on the row: every row or none)";
    }

    private static final String CASCADE_TAIL = " with CASCADE, and with it every dependent object";

    static void cascade(List<Finding> out, SqlStatement s, boolean cascade, String what) {
        if (cascade) {
            add(out, s, Check.CASCADE, "drops " + what + CASCADE_TAIL);
        }
    }

    /**
     * Joins the cascade findings one statement added to {@code out} from index {@code from} on into one finding
     * naming every object ({@code DROP VIEW a, b, c CASCADE} is one decision, so one finding); one per inner
     * statement where the statement is a block or a body (findings at the same place with the same severity and
     * the same note after the tail are joined).
     */
    static void joinCascades(List<Finding> out, int from) {
        Map<List<Object>, List<String>> what = new LinkedHashMap<>();
        Map<List<Object>, Finding> first = new LinkedHashMap<>();
        for (int i = from; i < out.size(); i++) {
            Finding f = out.get(i);
            String m = f.message();
            int tail = m.indexOf(CASCADE_TAIL);
            if (f.ruleId().equals(Check.CASCADE.id()) && m.startsWith("drops ") && tail > 0) {
                String note = m.substring(tail + CASCADE_TAIL.length());
                List<Object> key = List.of(f.line(), f.column(), f.severity(), note);
                List<String> names = what.computeIfAbsent(key, k -> new ArrayList<>());
                String name = m.substring("drops ".length(), tail);
                if (!names.contains(name)) {
                    names.add(name);
                }
                first.putIfAbsent(key, f);
                out.remove(i--);
            }
        }
        first.forEach((key, f) -> out.add(new Finding(
                f.path(),
                f.line(),
                f.column(),
                f.severity(),
                f.ruleId(),
                "drops " + String.join(", ", what.get(key)) + CASCADE_TAIL + key.get(3),
                f.fix())));
    }

    static void add(List<Finding> out, SqlStatement s, Check check, String message) {
        out.add(check.at(s, message));
    }

    private static String names(List<?> tables) {
        return tables.size() == 1 ? String.valueOf(tables.get(0)) : String.valueOf(tables);
    }
}
