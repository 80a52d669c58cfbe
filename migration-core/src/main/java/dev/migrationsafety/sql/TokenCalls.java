package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Function calls in a condition read from tokens, for {@link TokenOperands}: {@code coalesce}, {@code ifnull},
 * {@code nullif} and {@code CAST(x AS type)} are read for the evaluator to fold; any other call is opaque, reading the
 * row when its arguments name a column ({@code now()} does not, {@code lower(email)} does).
 */
final class TokenCalls {
    private static final Set<String> FOLDED = Set.of("coalesce", "ifnull", "nullif");

    private TokenCalls() {}

    /** The call whose {@code (} is at the reader's position, or {@code null} when it is not closed. */
    static Cond call(TokenOperands p, String name) {
        int open = p.pos;
        int close = new TokenCursor(p.toks, open, p.end).matching(open);
        if (close >= p.end || !p.toks.get(close).isSymbol(")")) {
            return null;
        }
        Cond read = null;
        if (FOLDED.contains(name)) {
            read = folded(p, name, open, close);
        } else if (name.equals("cast")) {
            read = cast(p, open, close);
        }
        p.pos = close + 1;
        return read != null ? read : p.scanned(open, close + 1);
    }

    private static Cond folded(TokenOperands p, String name, int open, int close) {
        List<Cond> args = new ArrayList<>();
        for (int[] part : TokenCursor.splitTopLevel(p.toks, open + 1, close)) {
            Cond arg = p.group(part[0], part[1]);
            if (arg == null) {
                return null;
            }
            args.add(arg);
        }
        return new Cond.Call(name, args);
    }

    /** {@code CAST(x AS type)}. */
    private static Cond cast(TokenOperands p, int open, int close) {
        int as = TokenCursor.indexOfTopLevel(p.toks, open + 1, close, "AS");
        if (as <= open + 1 || as + 1 >= close) {
            return null;
        }
        Cond value = p.group(open + 1, as);
        return value == null ? null : new Cond.Cast(value, typeText(p.toks, as + 1, close));
    }

    /** The type name in {@code [from, to)}, lower case, words separated by one space. */
    static String typeText(List<Tok> toks, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(i == from ? "" : " ").append(toks.get(i).text().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
