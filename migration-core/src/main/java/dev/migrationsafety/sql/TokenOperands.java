package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Cond.Lit;
import dev.migrationsafety.sql.Cond.Ref;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The operands of a condition read from tokens, for {@link TokenConditions}: literals, columns, and everything else
 * (function calls, casts, arithmetic, subqueries, {@code CASE}, typed literals) skipped as an opaque operand. Holds
 * the position in the token range.
 */
abstract class TokenOperands {
    private static final Set<String> ARITHMETIC =
            Set.of("+", "-", "*", "/", "%", "^", "&", "|", "<<", ">>", "->", "->>", "#>", "#>>", "@>", "<@");

    /** Words that continue a type name after its first word. */
    private static final Set<String> TYPE_WORDS = Set.of("PRECISION", "VARYING", "WITH", "WITHOUT", "TIME", "ZONE");

    /** MySQL interval units ({@code INTERVAL 30 DAY}). */
    private static final Set<String> UNITS =
            Set.of("MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR");

    final List<Tok> toks;
    final int end;
    final Dialect dialect;
    int pos;
    int depth;

    TokenOperands(List<Tok> toks, int from, int end, Dialect dialect) {
        this.toks = toks;
        this.pos = from;
        this.end = end;
        this.dialect = dialect;
    }

    /** The condition in {@code [from, to)} (a parenthesised group), or {@code null} when it cannot be read. */
    abstract Cond group(int from, int to);

    /** A primary, then any arithmetic, casts or subscripts on it (which make it opaque). */
    Cond operand() {
        Cond value = primary();
        while (value != null && pos < end) {
            Tok t = toks.get(pos);
            if (t.isSymbol("::")) {
                int type = ++pos;
                value = typeName() ? new Cond.Cast(value, TokenCalls.typeText(toks, type, pos)) : null;
            } else if (t.isSymbol("[")) {
                Cond subscript = skipGroup();
                value = subscript == null ? null : Cond.opaque(value, subscript);
            } else if (t.isSymbol(".") && pos + 1 < end && toks.get(pos + 1).isName()) {
                pos += 2; // (composite).field
                value = Cond.opaque(value);
            } else if (t.is("DIV") || t.is("MOD")) {
                pos++; // MySQL integer division and modulo
                value = binary(value);
            } else if (t.is("AGAINST") && pos + 1 < end && toks.get(pos + 1).isSymbol("(")) {
                pos++; // MySQL MATCH (...) AGAINST (...)
                value = skipGroup() == null ? null : Cond.opaque();
            } else if (t.kind() == Tok.Kind.SYMBOL
                    && (ARITHMETIC.contains(t.text()) || (t.text().equals("||") && dialect != Dialect.MYSQL))) {
                pos++;
                value = binary(value);
            } else if (t.is("AT")
                    && pos + 2 < end
                    && toks.get(pos + 1).is("TIME")
                    && toks.get(pos + 2).is("ZONE")) {
                pos += 3;
                value = binary(value);
            } else if (t.is("COLLATE")) {
                pos += 2;
                value = pos <= end ? Cond.opaque(value) : null;
            } else {
                break;
            }
        }
        return value;
    }

    /** {@code left <op> primary}: opaque, reading the row if either side does. */
    private Cond binary(Cond left) {
        Cond right = primary();
        return right == null ? null : Cond.opaque(left, right);
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
                    Cond operand = primary();
                    return operand == null ? null : Cond.opaque(operand);
                }
                if (t.isSymbol("?")) {
                    return Cond.constant(); // a bind parameter
                }
                if ((t.text().startsWith("@") || t.text().startsWith(":"))
                        && pos < end
                        && toks.get(pos).isName()) {
                    pos++; // MySQL @variable, @@system_variable; :name parameters: the same for every row
                    return Cond.constant();
                }
                return null;
            }
            case WORD, QUOTED -> {
                return word(t);
            }
            default -> {
                return Cond.constant(); // a parameter or variable ($1): the same for every row
            }
        }
    }

    private Cond word(Tok t) {
        if (t.is("TRUE") || t.is("FALSE")) {
            return new Lit(t.is("TRUE"));
        } else if (t.is("NULL")) {
            return new Lit(null);
        } else if (t.is("CASE")) {
            int from = pos;
            return skipCase() ? scanned(from, pos) : null;
        } else if (t.is("EXISTS") || t.is("ARRAY") || t.is("ROW")) {
            return at("(") || at("[") ? skipGroup() : null;
        } else if (t.is("INTERVAL") || t.is("DATE") || t.is("TIME") || t.is("TIMESTAMP")) {
            if (pos < end && toks.get(pos).kind() == Tok.Kind.STRING) {
                pos++; // a typed literal, INTERVAL '1' DAY
                if (t.is("INTERVAL")
                        && pos < end
                        && UNITS.contains(toks.get(pos).upper())) {
                    pos++;
                }
                return Cond.constant();
            }
            if (t.is("INTERVAL") && pos < end && !toks.get(pos).isSymbol(".")) {
                // MySQL INTERVAL 30 DAY, INTERVAL '1:30' HOUR_MINUTE
                Cond amount = primary();
                if (amount == null) {
                    return null;
                }
                if (pos < end
                        && (UNITS.contains(toks.get(pos).upper())
                                || toks.get(pos).upper().contains("_"))) {
                    pos++;
                }
                return Cond.opaque(amount);
            }
        } else if (t.is("CURRENT") && pos + 1 < end && toks.get(pos).is("OF")) {
            pos += 2; // WHERE CURRENT OF cursor: the one row the cursor is on
            return Cond.opaque();
        } else if (t.kind() == Tok.Kind.WORD
                && !(pos < end && (toks.get(pos).isSymbol(".") || toks.get(pos).isSymbol("(")))
                && (RowReads.specialValue(t.text(), dialect) || RowReads.placeholder(t.text()))) {
            return Cond.constant(); // current_user, current_date, a ${placeholder} value: not a column
        }
        StringBuilder name = new StringBuilder(Identifiers.normalize(t.text(), dialect));
        while (pos + 1 < end && toks.get(pos).isSymbol(".") && toks.get(pos + 1).isName()) {
            name.append('.').append(Identifiers.normalize(toks.get(pos + 1).text(), dialect));
            pos += 2;
        }
        if (at("(")) {
            return TokenCalls.call(this, name.toString().toLowerCase(Locale.ROOT)); // a function call
        }
        if (t.kind() == Tok.Kind.WORD && pos < end && toks.get(pos).kind() == Tok.Kind.STRING) {
            pos++; // a typed literal such as uuid '...' or _utf8mb4 'x'
            return Cond.constant();
        }
        return Ref.of(name.toString(), dialect);
    }

    private Cond parenthesised() {
        int open = pos;
        int close = new TokenCursor(toks, pos - 1, end).matching(pos - 1);
        if (close >= end || !toks.get(close).isSymbol(")")) {
            return null;
        }
        if (pos < close
                && (toks.get(pos).is("SELECT")
                        || toks.get(pos).is("WITH")
                        || toks.get(pos).is("VALUES"))) {
            pos = close + 1;
            return scanned(open, close); // a scalar subquery: correlated if it names a column
        }
        if (depth >= ConstantConditions.MAX_DEPTH) {
            return null;
        }
        Cond inner = group(pos, close);
        pos = close + 1;
        // a row constructor (a, b) or anything not read to its end is opaque
        return inner != null ? inner : scanned(open, close);
    }

    private Cond number(String text, boolean negative) {
        try {
            BigDecimal d = new BigDecimal(text);
            return new Lit(negative ? d.negate() : d);
        } catch (NumberFormatException e) {
            return Cond.opaque(); // 0x1F, 1_000, ...
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

    boolean at(String symbol) {
        return pos < end && toks.get(pos).isSymbol(symbol);
    }

    /** Skips a parenthesised or bracketed group starting at {@code pos}: an opaque operand, or {@code null}. */
    Cond skipGroup() {
        int from = pos;
        boolean ok = at("(") ? skipBrackets("(", ")") : skipBrackets("[", "]");
        return ok ? scanned(from, pos) : null;
    }

    /** An opaque operand for the skipped tokens in {@code [from, to)}: reading the row if they name a column. */
    Cond scanned(int from, int to) {
        return RowReads.readsRow(toks, from, to, dialect) ? Cond.opaque() : Cond.constant();
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
    boolean logical(Tok t) {
        return dialect == Dialect.MYSQL && (t.isSymbol("&&") || t.isSymbol("||") || t.isSymbol("!"));
    }

    boolean acceptWord(String word) {
        if (pos < end && toks.get(pos).is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        if (pos < end && toks.get(pos).isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }
}
