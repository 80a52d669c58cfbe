package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Cond.And;
import dev.migrationsafety.sql.Cond.Call;
import dev.migrationsafety.sql.Cond.Cast;
import dev.migrationsafety.sql.Cond.Cmp;
import dev.migrationsafety.sql.Cond.IsBool;
import dev.migrationsafety.sql.Cond.IsNull;
import dev.migrationsafety.sql.Cond.Lit;
import dev.migrationsafety.sql.Cond.Not;
import dev.migrationsafety.sql.Cond.Opaque;
import dev.migrationsafety.sql.Cond.Or;
import dev.migrationsafety.sql.Cond.Ref;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a {@code WHERE} condition holds for every row: a small, bounded evaluator over literals, booleans,
 * comparisons, {@code AND}/{@code OR}/{@code NOT} and {@code IS [NOT] NULL}. Both readers of a statement (the
 * JSqlParser tree, see {@link TreeConditions}, and the tokens, see {@link TokenConditions}) translate the condition
 * into the same small {@link Cond} tree and ask this one evaluator, so they agree.
 *
 * <p>Always true: constants ({@code true}, {@code 1 = 1}, {@code 'a' = 'a'}, {@code NOT false}, {@code 1 < 2}, MySQL
 * {@code WHERE 1}), complementary disjuncts ({@code x OR NOT x}, {@code c IS NULL OR c IS NOT NULL},
 * {@code a = b OR a <> b}) and a column compared with itself ({@code id = id}). The last two are true for every row
 * whose values are not null, which for the columns such conditions name is every row that matters: the riskier
 * reading. Casts of constants, {@code BETWEEN} and {@code IN (list)} (read as comparisons) and {@code coalesce},
 * {@code ifnull}, {@code nullif} of constants are folded too. Anything else the evaluator does not know (a function,
 * a subquery, a column against a value) is never always true.
 *
 * <p>A condition that is not always true may still not read the row at all ({@code now() > '2020-01-01'},
 * {@code current_user = 'app'}, {@code EXISTS (SELECT 1)}, {@code random() < 0.5}, {@code $1 = 1}; see
 * {@link RowReads}): it has the same value for every row, so the statement changes every row or none, and does not
 * name the rows it changes. Only a condition folded to false or NULL is known to change none.
 */
final class ConstantConditions {
    /** Deeper conditions are not folded (and thus not always true): keeps the work bounded on hostile input. */
    static final int MAX_DEPTH = 64;

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private ConstantConditions() {}

    /** Whether the condition holds for every row (in the sense above) in this dialect. */
    static boolean alwaysTrue(Cond cond, Dialect dialect) {
        return verdict(cond, dialect) == Verdict.ALWAYS_TRUE;
    }

    /** What a {@code WHERE} condition says about the rows it selects. */
    enum Verdict {
        /** Holds for every row. */
        ALWAYS_TRUE,
        /** Does not read the row, and is not known to be false: every row or none. */
        ROW_INDEPENDENT,
        /** Selects rows by their values (or is known to select none). */
        RESTRICTS
    }

    /** The verdict on a condition ({@code null}: not read, restricts as far as is known). */
    static Verdict verdict(Cond cond, Dialect dialect) {
        if (cond == null) {
            return Verdict.RESTRICTS;
        }
        Truth truth = new ConstantConditions.Evaluator(dialect).truth(cond, 0);
        if (truth == Truth.TRUE) {
            return Verdict.ALWAYS_TRUE;
        }
        return truth == Truth.UNKNOWN && !RowReads.readsRow(cond) ? Verdict.ROW_INDEPENDENT : Verdict.RESTRICTS;
    }

    private enum Truth {
        TRUE,
        FALSE,
        NULL,
        /** Depends on the row. */
        UNKNOWN
    }

    private static final class Evaluator {
        private final Dialect dialect;

        Evaluator(Dialect dialect) {
            this.dialect = dialect;
        }

        Truth truth(Cond c, int depth) {
            if (depth > MAX_DEPTH) {
                return Truth.UNKNOWN;
            }
            if (c instanceof Lit l) {
                return truthOf(l.value());
            } else if (c instanceof Not n) {
                return not(truth(n.operand(), depth + 1));
            } else if (c instanceof And a) {
                Truth l = truth(a.left(), depth + 1);
                Truth r = truth(a.right(), depth + 1);
                if (l == Truth.FALSE || r == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (l == Truth.UNKNOWN || r == Truth.UNKNOWN) {
                    return Truth.UNKNOWN;
                }
                return l == Truth.TRUE && r == Truth.TRUE ? Truth.TRUE : Truth.NULL;
            } else if (c instanceof Or o) {
                return or(o, depth);
            } else if (c instanceof Cmp cmp) {
                return compare(cmp, depth);
            } else if (c instanceof IsNull n) {
                Object v = value(n.operand(), depth + 1);
                if (v == UNKNOWN_VALUE) {
                    return Truth.UNKNOWN;
                }
                return (v == null) != n.not() ? Truth.TRUE : Truth.FALSE;
            } else if (c instanceof Cast || c instanceof Call) {
                Object v = value(c, depth + 1);
                return v == UNKNOWN_VALUE ? Truth.UNKNOWN : truthOf(v);
            } else if (c instanceof IsBool b) {
                Truth t = truth(b.operand(), depth + 1);
                if (t == Truth.UNKNOWN) {
                    return Truth.UNKNOWN;
                }
                boolean is = t == (b.value() ? Truth.TRUE : Truth.FALSE);
                return is != b.not() ? Truth.TRUE : Truth.FALSE;
            }
            return Truth.UNKNOWN; // Ref, Opaque
        }

        private Truth or(Or o, int depth) {
            List<Cond> disjuncts = new ArrayList<>();
            flatten(o, disjuncts, depth);
            boolean allFalse = true;
            boolean anyUnknown = false;
            for (Cond d : disjuncts) {
                Truth t = truth(d, depth + 1);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                allFalse &= t == Truth.FALSE;
                anyUnknown |= t == Truth.UNKNOWN;
            }
            if (Complements.anyPair(disjuncts)) {
                return Truth.TRUE; // x OR NOT x, c IS NULL OR c IS NOT NULL, a = b OR a <> b
            }
            if (allFalse) {
                return Truth.FALSE;
            }
            return anyUnknown ? Truth.UNKNOWN : Truth.NULL;
        }

        private static void flatten(Cond c, List<Cond> out, int depth) {
            if (c instanceof Or o && depth <= MAX_DEPTH) {
                flatten(o.left(), out, depth + 1);
                flatten(o.right(), out, depth + 1);
            } else {
                out.add(c);
            }
        }

        private Truth compare(Cmp c, int depth) {
            if (c.left() instanceof Ref l && l.equals(c.right())) {
                // a column against itself: true for every row where it is not null (the riskier reading)
                return switch (c.op()) {
                    case "=", "<=", ">=", "<=>" -> Truth.TRUE;
                    default -> Truth.FALSE;
                };
            }
            Object l = value(c.left(), depth + 1);
            Object r = value(c.right(), depth + 1);
            if (l == UNKNOWN_VALUE || r == UNKNOWN_VALUE) {
                return Truth.UNKNOWN;
            }
            if (l == null || r == null) {
                return c.op().equals("<=>") ? (l == r ? Truth.TRUE : Truth.FALSE) : Truth.NULL;
            }
            if (l instanceof String x && r instanceof String y) {
                return compareStrings(c.op(), x, y);
            }
            Integer order = Folding.order(l, r, dialect);
            if (order == null) {
                return Truth.UNKNOWN;
            }
            boolean result =
                    switch (c.op()) {
                        case "=", "<=>" -> order == 0;
                        case "<>" -> order != 0;
                        case "<" -> order < 0;
                        case "<=" -> order <= 0;
                        case ">" -> order > 0;
                        default -> order >= 0;
                    };
            return result ? Truth.TRUE : Truth.FALSE;
        }

        /**
         * Strings: equal or not, never ordered (that depends on the collation). MySQL's default collations ignore
         * case and trailing spaces, a binary one does not: {@code =} takes the first reading, {@code <>} the second,
         * so that either is true whenever it may be.
         */
        private Truth compareStrings(String op, String x, String y) {
            boolean loose =
                    dialect == Dialect.MYSQL ? x.stripTrailing().equalsIgnoreCase(y.stripTrailing()) : x.equals(y);
            boolean exact = x.equals(y);
            return switch (op) {
                case "=", "<=>" -> loose ? Truth.TRUE : Truth.FALSE;
                case "<>" -> exact ? Truth.FALSE : Truth.TRUE;
                case "<=", ">=" -> loose ? Truth.TRUE : Truth.UNKNOWN;
                default -> exact ? Truth.FALSE : Truth.UNKNOWN;
            };
        }

        /** The constant value of an operand: a literal or a folded condition; {@link #UNKNOWN_VALUE} otherwise. */
        private Object value(Cond c, int depth) {
            if (c instanceof Lit l) {
                return l.value();
            }
            if (c instanceof Ref || c instanceof Opaque || depth > MAX_DEPTH) {
                return UNKNOWN_VALUE;
            }
            if (c instanceof Cast cast) {
                Object v = value(cast.operand(), depth + 1);
                return v == UNKNOWN_VALUE || v == null ? v : Folding.cast(v, cast.type(), dialect, UNKNOWN_VALUE);
            }
            if (c instanceof Call call) {
                return call(call, depth);
            }
            return switch (truth(c, depth)) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                case UNKNOWN -> UNKNOWN_VALUE;
            };
        }

        /** {@code coalesce}/{@code ifnull}: the first non-null argument; {@code nullif(a, b)}: null when equal. */
        private Object call(Call call, int depth) {
            List<Cond> args = call.args();
            if (call.name().equals("nullif")) {
                if (args.size() != 2) {
                    return UNKNOWN_VALUE;
                }
                Object a = value(args.get(0), depth + 1);
                Object b = value(args.get(1), depth + 1);
                if (a == UNKNOWN_VALUE || b == UNKNOWN_VALUE) {
                    return UNKNOWN_VALUE;
                }
                Truth equal = compare(new Cmp("=", new Lit(a), new Lit(b)), depth + 1);
                return equal == Truth.TRUE ? null : equal == Truth.UNKNOWN ? UNKNOWN_VALUE : a;
            }
            for (Cond arg : args) {
                Object v = value(arg, depth + 1);
                if (v != null) {
                    return v; // a value, or unknown
                }
            }
            return null;
        }

        /** A constant used as a condition: booleans; MySQL reads numbers (non-zero is true) and numeric strings. */
        private Truth truthOf(Object v) {
            if (v == null) {
                return Truth.NULL;
            }
            if (v instanceof Boolean b) {
                return b ? Truth.TRUE : Truth.FALSE;
            }
            if (dialect == Dialect.POSTGRESQL) {
                // a number is an error (argument of WHERE must be type boolean); a string literal is read as boolean
                return v instanceof String s ? postgresBoolean(s) : Truth.UNKNOWN;
            }
            if (v instanceof BigDecimal d) {
                return d.signum() != 0 ? Truth.TRUE : Truth.FALSE;
            }
            if (dialect == Dialect.MYSQL) {
                Matcher m = LEADING_NUMBER.matcher((String) v);
                return m.find() && new BigDecimal(m.group().strip()).signum() != 0 ? Truth.TRUE : Truth.FALSE;
            }
            return postgresBoolean((String) v);
        }

        private static Truth postgresBoolean(String s) {
            Boolean b = Folding.postgresBoolean(s);
            return b == null ? Truth.UNKNOWN : b ? Truth.TRUE : Truth.FALSE;
        }

        private static Truth not(Truth t) {
            return switch (t) {
                case TRUE -> Truth.FALSE;
                case FALSE -> Truth.TRUE;
                default -> t;
            };
        }
    }

    private static final Object UNKNOWN_VALUE = new Object();
}
