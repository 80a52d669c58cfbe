package dev.migrationsafety.sql;

import dev.migrationsafety.sql.ConstantConditions.And;
import dev.migrationsafety.sql.ConstantConditions.Cmp;
import dev.migrationsafety.sql.ConstantConditions.Cond;
import dev.migrationsafety.sql.ConstantConditions.IsBool;
import dev.migrationsafety.sql.ConstantConditions.IsNull;
import dev.migrationsafety.sql.ConstantConditions.Lit;
import dev.migrationsafety.sql.ConstantConditions.Not;
import dev.migrationsafety.sql.ConstantConditions.Or;
import dev.migrationsafety.sql.ConstantConditions.Ref;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code WHERE} condition from tokens into the evaluator's {@link Cond} tree (precedence: {@code OR} <
 * {@code AND} < {@code NOT} < comparison). What it does not understand becomes an opaque operand; a condition it
 * cannot read to its end is not folded at all ({@code null}), so it is never called always true by mistake.
 */
final class TokenConditions {
    /** Words that end a DELETE's or UPDATE's condition. */
    private static final Set<String> CONDITION_END = Set.of("RETURNING", "ORDER", "LIMIT");

    /** Predicates read as opaque: {@code x [NOT] IN (...)}, {@code LIKE}, {@code BETWEEN a AND b}, ... */
    private static final Set<String> OPAQUE_PREDICATES =
            Set.of("IN", "LIKE", "ILIKE", "BETWEEN", "SIMILAR", "REGEXP", "RLIKE", "SOUNDS", "MEMBER", "OVERLAPS");

    private static final Set<String> ARITHMETIC =
            Set.of("+", "-", "*", "/", "%", "^", "&", "|", "<<", ">>", "->", "->>", "#>", "#>>", "@>", "<@");

    /** Symbols that are never an operator between two operands. */
    private static final Set<String> NOT_OPERATORS = Set.of("(", ")", ",", ";", ".", "[", "]");

    /** Words that continue a type name after its first word. */
    private static final Set<String> TYPE_WORDS = Set.of("PRECISION", "VARYING", "WITH", "WITHOUT", "TIME", "ZONE");

    /** MySQL interval units ({@code INTERVAL 30 DAY}). */
    private static final Set<String> UNITS =
            Set.of("MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR");

    private final List<Tok> toks;
    private final int end;
    private final Dialect dialect;
    private int pos;
    private int depth;

    private TokenConditions(List<Tok> toks, int from, int end, Dialect dialect) {
        this.toks = toks;
        this.pos = from;
        this.end = end;
        this.dialect = dialect;
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
            left = and() == null ? null : ConstantConditions.opaque();
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
            String op = t.kind() == Tok.Kind.SYMBOL ? ConstantConditions.comparison(t.text()) : null;
            if (op != null) {
                pos++;
                if (acceptWord("ANY") || acceptWord("ALL") || acceptWord("SOME")) {
                    left = operand() == null ? null : ConstantConditions.opaque();
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
                left = opaquePredicate() ? ConstantConditions.opaque() : null;
            } else if (t.kind() == Tok.Kind.SYMBOL && !NOT_OPERATORS.contains(t.text()) && !logical(t)) {
                pos++; // any other operator (regular expressions, @@, &&, ...): an opaque predicate
                left = operand() == null ? null : ConstantConditions.opaque();
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
            return operand() == null ? null : ConstantConditions.opaque();
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

    /** A primary, then any arithmetic, casts or subscripts on it (which make it opaque). */
    private Cond operand() {
        Cond value = primary();
        while (value != null && pos < end) {
            Tok t = toks.get(pos);
            if (t.isSymbol("::")) {
                pos++;
                value = typeName() ? ConstantConditions.opaque() : null;
            } else if (t.isSymbol("[")) {
                value = skipBrackets("[", "]") ? ConstantConditions.opaque() : null;
            } else if (t.kind() == Tok.Kind.SYMBOL
                    && (ARITHMETIC.contains(t.text()) || (t.text().equals("||") && dialect != Dialect.MYSQL))) {
                pos++;
                value = primary() == null ? null : ConstantConditions.opaque();
            } else if (t.is("AT")
                    && pos + 2 < end
                    && toks.get(pos + 1).is("TIME")
                    && toks.get(pos + 2).is("ZONE")) {
                pos += 3;
                value = primary() == null ? null : ConstantConditions.opaque();
            } else if (t.is("COLLATE")) {
                pos += 2;
                value = pos <= end ? ConstantConditions.opaque() : null;
            } else {
                break;
            }
        }
        return value;
    }

    private Cond primary() {
        if (pos >= end) {
            return null;
        }
        Tok t = toks.get(pos++);
        switch (t.kind()) {
            case NUMBER -> {
                return number(t.text(), false);
            }
            case STRING, DOLLAR -> {
                return new Lit(t.literalBody());
            }
            case SYMBOL -> {
                if (t.isSymbol("(")) {
                    return parenthesised();
                }
                if ((t.isSymbol("-") || t.isSymbol("+")) && pos < end) {
                    Tok n = toks.get(pos);
                    if (n.kind() == Tok.Kind.NUMBER) {
                        pos++;
                        return number(n.text(), t.isSymbol("-"));
                    }
                    return primary() == null ? null : ConstantConditions.opaque();
                }
                return null;
            }
            case WORD, QUOTED -> {
                return word(t);
            }
            default -> {
                return ConstantConditions.opaque(); // a parameter or variable
            }
        }
    }

    private Cond word(Tok t) {
        if (t.is("TRUE") || t.is("FALSE")) {
            return new Lit(t.is("TRUE"));
        } else if (t.is("NULL")) {
            return new Lit(null);
        } else if (t.is("CASE")) {
            return skipCase() ? ConstantConditions.opaque() : null;
        } else if (t.is("EXISTS") || t.is("ARRAY") || t.is("ROW")) {
            return at("(") || at("[") ? skipGroup() : null;
        } else if (t.is("INTERVAL") || t.is("DATE") || t.is("TIME") || t.is("TIMESTAMP")) {
            if (pos < end && toks.get(pos).kind() == Tok.Kind.STRING) {
                pos++; // a typed literal
                return ConstantConditions.opaque();
            }
            if (t.is("INTERVAL") && pos < end && !toks.get(pos).isSymbol(".")) {
                // MySQL INTERVAL 30 DAY, INTERVAL '1:30' HOUR_MINUTE
                if (primary() == null) {
                    return null;
                }
                if (pos < end
                        && (UNITS.contains(toks.get(pos).upper())
                                || toks.get(pos).upper().contains("_"))) {
                    pos++;
                }
                return ConstantConditions.opaque();
            }
        } else if (t.is("CURRENT") && pos + 1 < end && toks.get(pos).is("OF")) {
            pos += 2; // WHERE CURRENT OF cursor: the one row the cursor is on
            return ConstantConditions.opaque();
        }
        StringBuilder name = new StringBuilder(Identifiers.normalize(t.text(), dialect));
        while (pos + 1 < end && toks.get(pos).isSymbol(".") && toks.get(pos + 1).isName()) {
            name.append('.').append(Identifiers.normalize(toks.get(pos + 1).text(), dialect));
            pos += 2;
        }
        if (at("(")) {
            return skipGroup(); // a function call
        }
        if (t.kind() == Tok.Kind.WORD && pos < end && toks.get(pos).kind() == Tok.Kind.STRING) {
            pos++; // a typed literal such as uuid '...' or _utf8mb4 'x'
            return ConstantConditions.opaque();
        }
        return Ref.of(name.toString(), dialect);
    }

    private Cond parenthesised() {
        int close = new TokenCursor(toks, pos - 1, end).matching(pos - 1);
        if (close >= end || !toks.get(close).isSymbol(")")) {
            return null;
        }
        if (pos < close
                && (toks.get(pos).is("SELECT")
                        || toks.get(pos).is("WITH")
                        || toks.get(pos).is("VALUES"))) {
            pos = close + 1;
            return ConstantConditions.opaque(); // a scalar subquery
        }
        if (depth >= ConstantConditions.MAX_DEPTH) {
            return null;
        }
        Cond inner = read(toks, pos, close, dialect, depth);
        pos = close + 1;
        // a row constructor (a, b) or anything not read to its end is opaque
        return inner != null ? inner : ConstantConditions.opaque();
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

    private Cond number(String text, boolean negative) {
        try {
            BigDecimal d = new BigDecimal(text);
            return new Lit(negative ? d.negate() : d);
        } catch (NumberFormatException e) {
            return ConstantConditions.opaque(); // 0x1F, 1_000, ...
        }
    }

    /** A type after {@code ::}: a dotted name, optional parenthesised modifiers, optional {@code []}. */
    private boolean typeName() {
        if (pos >= end || !toks.get(pos).isName()) {
            return false;
        }
        pos++;
        while (pos < end && TYPE_WORDS.contains(toks.get(pos).upper())) {
            pos++; // double precision, character varying, timestamp with time zone
        }
        if (at("(") && skipGroup() == null) {
            return false;
        }
        while (at("[")) {
            if (!skipBrackets("[", "]")) {
                return false;
            }
        }
        return true;
    }

    private boolean at(String symbol) {
        return pos < end && toks.get(pos).isSymbol(symbol);
    }

    /** Skips a parenthesised or bracketed group starting at {@code pos}: an opaque operand, or {@code null}. */
    private Cond skipGroup() {
        boolean ok = at("(") ? skipBrackets("(", ")") : skipBrackets("[", "]");
        return ok ? ConstantConditions.opaque() : null;
    }

    private boolean skipBrackets(String open, String close) {
        int level = 0;
        for (int i = pos; i < end; i++) {
            Tok t = toks.get(i);
            if (t.isSymbol(open)) {
                level++;
            } else if (t.isSymbol(close) && --level == 0) {
                pos = i + 1;
                return true;
            }
        }
        return false;
    }

    /** Skips {@code CASE ... END}, nested ones included. */
    private boolean skipCase() {
        int level = 1;
        for (int i = pos; i < end; i++) {
            Tok t = toks.get(i);
            if (t.is("CASE")) {
                level++;
            } else if (t.is("END") && --level == 0) {
                pos = i + 1;
                return true;
            }
        }
        return false;
    }

    /** MySQL's {@code &&}, {@code ||} and {@code !}, which the logical levels read. */
    private boolean logical(Tok t) {
        return dialect == Dialect.MYSQL && (t.isSymbol("&&") || t.isSymbol("||") || t.isSymbol("!"));
    }

    private boolean acceptWord(String word) {
        if (pos < end && toks.get(pos).is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (pos < end && toks.get(pos).isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }
}
