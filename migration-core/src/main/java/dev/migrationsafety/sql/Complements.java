package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Cond.And;
import dev.migrationsafety.sql.Cond.Cmp;
import dev.migrationsafety.sql.Cond.IsBool;
import dev.migrationsafety.sql.Cond.IsNull;
import dev.migrationsafety.sql.Cond.Not;
import dev.migrationsafety.sql.Cond.Or;
import java.util.List;

/**
 * Whether a disjunction holds a condition and its negation ({@code x OR NOT x}, {@code c IS NULL OR c IS NOT NULL},
 * {@code a = b OR a <> b}, {@code a < b OR b <= a}): a {@code NOT} is pushed one level into comparisons and
 * {@code IS [NOT] NULL}, and the trees are compared. Opaque operands are equal only to themselves, so two calls of
 * the same function never match.
 */
final class Complements {
    /** More disjuncts than this are not compared (the test is quadratic). */
    private static final int MAX_DISJUNCTS = 64;
    /** How deep a disjunct may be to be compared: deep trees cost time and stack. */
    private static final int SHALLOW = 8;

    private Complements() {}

    /** Whether two of the disjuncts are a condition and its negation. */
    static boolean anyPair(List<Cond> disjuncts) {
        if (disjuncts.size() > MAX_DISJUNCTS) {
            return false;
        }
        for (int i = 0; i < disjuncts.size(); i++) {
            Cond negated = negate(disjuncts.get(i));
            if (!shallow(negated, SHALLOW)) {
                continue;
            }
            for (int j = i + 1; j < disjuncts.size(); j++) {
                Cond other = disjuncts.get(j);
                if (shallow(other, SHALLOW) && (negated.equals(normal(other)) || sameComparison(negated, other))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the tree is at most {@code levels} deep. */
    private static boolean shallow(Cond c, int levels) {
        if (levels < 0) {
            return false;
        }
        if (c instanceof Not n) {
            return shallow(n.operand(), levels - 1);
        } else if (c instanceof And a) {
            return shallow(a.left(), levels - 1) && shallow(a.right(), levels - 1);
        } else if (c instanceof Or o) {
            return shallow(o.left(), levels - 1) && shallow(o.right(), levels - 1);
        } else if (c instanceof Cmp cmp) {
            return shallow(cmp.left(), levels - 1) && shallow(cmp.right(), levels - 1);
        } else if (c instanceof IsNull i) {
            return shallow(i.operand(), levels - 1);
        } else if (c instanceof IsBool b) {
            return shallow(b.operand(), levels - 1);
        }
        return true;
    }

    /** The condition with one {@code NOT} pushed into it, in the form {@link #normal} gives. */
    private static Cond negate(Cond c) {
        return normal(new Not(c));
    }

    /** {@code NOT} pushed one level into comparisons and {@code IS [NOT] NULL}; double negation removed. */
    private static Cond normal(Cond c) {
        if (c instanceof Not n) {
            Cond inner = n.operand();
            if (inner instanceof Not nn) {
                return normal(nn.operand());
            }
            if (inner instanceof IsNull i) {
                return new IsNull(i.operand(), !i.not());
            }
            if (inner instanceof IsBool b) {
                return new IsBool(b.operand(), b.value(), !b.not());
            }
            if (inner instanceof Cmp cmp && !cmp.op().equals("<=>")) {
                return new Cmp(negatedOp(cmp.op()), cmp.left(), cmp.right());
            }
        }
        return c;
    }

    /** Whether two comparisons are the same with their sides swapped ({@code a < b} and {@code b > a}). */
    private static boolean sameComparison(Cond a, Cond b) {
        Cond nb = normal(b);
        return a instanceof Cmp x
                && nb instanceof Cmp y
                && x.left().equals(y.right())
                && x.right().equals(y.left())
                && x.op().equals(swappedOp(y.op()));
    }

    private static String negatedOp(String op) {
        return switch (op) {
            case "=" -> "<>";
            case "<>" -> "=";
            case "<" -> ">=";
            case ">=" -> "<";
            case ">" -> "<=";
            case "<=" -> ">";
            default -> op;
        };
    }

    private static String swappedOp(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }
}
