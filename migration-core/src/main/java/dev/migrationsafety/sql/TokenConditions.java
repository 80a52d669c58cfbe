package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Cond.And;
import dev.migrationsafety.sql.Cond.Cmp;
import dev.migrationsafety.sql.Cond.IsBool;
import dev.migrationsafety.sql.Cond.IsNull;
import dev.migrationsafety.sql.Cond.Not;
import dev.migrationsafety.sql.Cond.Or;
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
        return ConstantConditions.alwaysTrue(cond, dialect) ? Where.ALWAYS_TRUE : Where.RESTRICTS;
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
            left = and() == null ? null : Cond.opaque();
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
                    left = operand() == null ? null : Cond.opaque();
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
                left = opaquePredicate() ? Cond.opaque() : null;
            } else if (t.kind() == Tok.Kind.SYMBOL && !NOT_OPERATORS.contains(t.text()) && !logical(t)) {
                pos++; // any other operator (regular expressions, @@, &&, ...): an opaque predicate
                left = operand() == null ? null : Cond.opaque();
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
            return operand() == null ? null : Cond.opaque();
        } else if (acceptWord("JSON")) {
            if (!acceptWord("OBJECT") && !acceptWord("ARRAY") && !acceptWord("SCALAR")) {
                acceptWord("VALUE");
            }
            return Cond.opaque();
        }
        return null;
    }

    /** {@code [NOT] IN (...)}, {@code LIKE x [ESCAPE y]}, {@code BETWEEN [SYMMETRIC] a AND b}, {@code SIMILAR TO}. */
    private boolean opaquePredicate() {
        acceptWord("NOT");
        Tok t = toks.get(pos++);
        if (t.is("BETWEEN")) {
            acceptWord("SYMMETRIC");
            acceptWord("ASYMMETRIC");
            return operand() != null && acceptWord("AND") && operand() != null;
        }
        if (t.is("SIMILAR") || t.is("SOUNDS")) {
            if (!acceptWord(t.is("SIMILAR") ? "TO" : "LIKE")) {
                return false;
            }
        } else if (t.is("MEMBER")) {
            acceptWord("OF");
        }
        if (operand() == null) {
            return false;
        }
        return !acceptWord("ESCAPE") || operand() != null;
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
