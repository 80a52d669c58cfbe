package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Cond.And;
import dev.migrationsafety.sql.Cond.Cmp;
import dev.migrationsafety.sql.Cond.IsBool;
import dev.migrationsafety.sql.Cond.IsNull;
import dev.migrationsafety.sql.Cond.Not;
import dev.migrationsafety.sql.Cond.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code WHERE} condition from tokens into the evaluator's {@link Cond} tree (precedence: {@code OR} <
 * {@code AND} < {@code NOT} < comparison). What it does not understand becomes an opaque operand; a condition it
 * cannot read to its end is not folded at all ({@code null}), so it is never called always true by mistake.
 */
final class TokenConditions extends TokenOperands {
    /** Words that end a DELETE's or UPDATE's condition. */
    private static final Set<String> CONDITION_END = Set.of("RETURNING", "ORDER", "LIMIT");

    /** Predicates read as opaque: {@code x [NOT] IN (...)}, {@code LIKE}, {@code BETWEEN a AND b}, ... */
    private static final Set<String> OPAQUE_PREDICATES =
            Set.of("IN", "LIKE", "ILIKE", "BETWEEN", "SIMILAR", "REGEXP", "RLIKE", "SOUNDS", "MEMBER", "OVERLAPS");

    /** Symbols that are never an operator between two operands. */
    private static final Set<String> NOT_OPERATORS = Set.of("(", ")", ",", ";", ".", "[", "]");

    private TokenConditions(List<Tok> toks, int from, int end, Dialect dialect) {
        super(toks, from, end, dialect);
    }

    @Override
    Cond group(int from, int to) {
        return read(toks, from, to, dialect, depth);
    }

    /** What the tokens tell about a statement's top-level {@code WHERE}. */
    enum Where {
        NONE,
        /** Holds for every row (see {@link ConstantConditions}). */
        ALWAYS_TRUE,
        /** Does not read the row: holds for every row or for none (see {@link RowReads}). */
        ROW_INDEPENDENT,
        /** Read, and not always true. */
        RESTRICTS,
        /** There, but not readable to its end: whether it holds for every row is not known. */
        UNREADABLE
    }

    /** The top-level {@code WHERE} of the statement in {@code [from, to)}. */
    static Where where(List<Tok> toks, int from, int to, Dialect dialect) {
        int where = TokenCursor.indexOfTopLevel(toks, from, to, "WHERE");
        if (where < 0) {
            return Where.NONE;
        }
        int end = TokenCursor.indexOfTopLevel(
                toks,
                where + 1,
                to,
                t -> t.isSymbol(";") || (t.kind() == Tok.Kind.WORD && CONDITION_END.contains(t.upper())));
        Cond cond = read(toks, where + 1, end < 0 ? to : end, dialect);
        if (cond == null) {
            return Where.UNREADABLE;
        }
        return switch (ConstantConditions.verdict(cond, dialect)) {
            case ALWAYS_TRUE -> Where.ALWAYS_TRUE;
            case ROW_INDEPENDENT -> Where.ROW_INDEPENDENT;
            case RESTRICTS -> Where.RESTRICTS;
        };
    }

    /** The condition in {@code [from, to)}, or {@code null} when it cannot be read to its end. */
    static Cond read(List<Tok> toks, int from, int to, Dialect dialect) {
        if (from >= to) {
            return null;
        }
        TokenConditions p = new TokenConditions(toks, from, to, dialect);
        Cond c = p.or();
        return c != null && p.pos == p.end ? c : null;
    }

    private Cond or() {
        if (++depth > ConstantConditions.MAX_DEPTH) {
            return null;
        }
        Cond left = and();
        while (left != null && (acceptWord("OR") || (dialect == Dialect.MYSQL && acceptSymbol("||")))) {
            Cond right = and();
            left = right == null ? null : new Or(left, right);
        }
        while (left != null && acceptWord("XOR")) {
            Cond right = and();
            left = right == null ? null : Cond.opaque(left, right);
        }
        depth--;
        return left;
    }

    private Cond and() {
        Cond left = not();
        while (left != null && (acceptWord("AND") || (dialect == Dialect.MYSQL && acceptSymbol("&&")))) {
            Cond right = not();
            left = right == null ? null : new And(left, right);
        }
        return left;
    }

    private Cond not() {
        if (acceptWord("NOT") || (dialect == Dialect.MYSQL && acceptSymbol("!"))) {
            if (++depth > ConstantConditions.MAX_DEPTH) {
                return null;
            }
            Cond operand = not();
            depth--;
            return operand == null ? null : new Not(operand);
        }
        return predicate();
    }

    private Cond predicate() {
        Cond left = operand();
        while (left != null && pos < end) {
            Tok t = toks.get(pos);
            String op = t.kind() == Tok.Kind.SYMBOL ? Cond.comparison(t.text()) : null;
            if (op != null) {
                pos++;
                if (acceptWord("ANY") || acceptWord("ALL") || acceptWord("SOME")) {
                    Cond right = operand();
                    left = right == null ? null : Cond.opaque(left, right);
                } else {
                    Cond right = operand();
                    left = right == null ? null : new Cmp(op, left, right);
                }
            } else if (t.is("IS")) {
                pos++;
                left = is(left);
            } else if (t.is("ISNULL") || t.is("NOTNULL")) {
                pos++;
                left = new IsNull(left, t.is("NOTNULL"));
            } else if (t.kind() == Tok.Kind.WORD && OPAQUE_PREDICATES.contains(t.upper())
                    || t.is("NOT")
                            && pos + 1 < end
                            && toks.get(pos + 1).kind() == Tok.Kind.WORD
                            && OPAQUE_PREDICATES.contains(toks.get(pos + 1).upper())) {
                left = wordPredicate(left);
            } else if (t.kind() == Tok.Kind.SYMBOL && !NOT_OPERATORS.contains(t.text()) && !logical(t)) {
                pos++; // any other operator (regular expressions, @@, &&, ...): an opaque predicate
                Cond right = operand();
                left = right == null ? null : Cond.opaque(left, right);
            } else {
                break;
            }
        }
        return left;
    }

    private Cond is(Cond left) {
        boolean negated = acceptWord("NOT");
        if (acceptWord("NULL")) {
            return new IsNull(left, negated);
        } else if (acceptWord("TRUE") || acceptWord("FALSE")) {
            return new IsBool(left, toks.get(pos - 1).is("TRUE"), negated);
        } else if (acceptWord("UNKNOWN")) {
            return new IsNull(left, negated);
        } else if (acceptWord("DISTINCT") && acceptWord("FROM")) {
            Cond right = operand();
            return right == null ? null : Cond.opaque(left, right);
        } else if (acceptWord("JSON")) {
            if (!acceptWord("OBJECT") && !acceptWord("ARRAY") && !acceptWord("SCALAR")) {
                acceptWord("VALUE");
            }
            return Cond.opaque(left);
        }
        return null;
    }

    /**
     * {@code [NOT] BETWEEN [SYMMETRIC] a AND b} and {@code [NOT] IN (a, b)}, read as comparisons; {@code IN (SELECT
     * ...)}, {@code LIKE x [ESCAPE y]}, {@code SIMILAR TO} and the rest as opaque predicates; {@code null} when not read.
     */
    private Cond wordPredicate(Cond left) {
        boolean not = acceptWord("NOT");
        Tok t = toks.get(pos++);
        Cond result;
        if (t.is("BETWEEN")) {
            boolean symmetric = acceptWord("SYMMETRIC");
            acceptWord("ASYMMETRIC");
            Cond lo = operand();
            Cond hi = lo != null && acceptWord("AND") ? operand() : null;
            result = hi == null ? null : Cond.between(left, lo, hi, symmetric);
        } else if (t.is("IN") && at("(") && !subqueryAt(pos + 1)) {
            result = inList(left);
        } else {
            if (t.is("SIMILAR") || t.is("SOUNDS")) {
                if (!acceptWord(t.is("SIMILAR") ? "TO" : "LIKE")) {
                    return null;
                }
            } else if (t.is("MEMBER")) {
                acceptWord("OF");
            }
            Cond right = operand();
            Cond escape = right != null && acceptWord("ESCAPE") ? operand() : new Cond.Lit(null);
            result = right == null || escape == null ? null : Cond.opaque(left, right, escape);
        }
        return result == null || !not ? result : new Not(result);
    }

    /** {@code IN (a, b, ...)} at the {@code (}. */
    private Cond inList(Cond left) {
        int close = new TokenCursor(toks, pos, end).matching(pos);
        if (close >= end || !toks.get(close).isSymbol(")")) {
            return null;
        }
        List<Cond> items = new ArrayList<>();
        for (int[] part : TokenCursor.splitTopLevel(toks, pos + 1, close)) {
            items.add(items.size() < Cond.MAX_IN_LIST ? group(part[0], part[1]) : null);
        }
        Cond result = items.contains(null) ? Cond.opaque(left, scanned(pos, close + 1)) : Cond.in(left, items);
        pos = close + 1;
        return result;
    }

    private boolean subqueryAt(int i) {
        return i < end
                && (toks.get(i).is("SELECT")
                        || toks.get(i).is("WITH")
                        || toks.get(i).is("VALUES"));
    }

    private static Cond read(List<Tok> toks, int from, int to, Dialect dialect, int depth) {
        if (from >= to) {
            return null;
        }
        TokenConditions p = new TokenConditions(toks, from, to, dialect);
        p.depth = depth;
        Cond c = p.or();
        return c != null && p.pos == p.end ? c : null;
    }
}
