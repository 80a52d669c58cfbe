package dev.migrationsafety.sql;

import java.util.Locale;

/**
 * The classifier's view of one significant token (comments and whitespace are not tokens here): its kind, its text
 * exactly as written and, for words, the upper-case form used to compare keywords.
 */
record Tok(Kind kind, String text, String upper) {

    enum Kind {
        /** An unquoted identifier or keyword. */
        WORD,
        /** A quoted identifier: {@code "x"}, {@code `x`}, {@code [x]}. */
        QUOTED,
        /** A string literal: {@code 'x'}, {@code E'x'}, {@code N'x'}. */
        STRING,
        /** A dollar-quoted string: {@code $$ ... $$}, {@code $tag$ ... $tag$}. */
        DOLLAR,
        NUMBER,
        /** Punctuation and operators: {@code ( ) , ; . =} and the like. */
        SYMBOL,
        /** Anything else: placeholders, parameters, variables. */
        OTHER
    }

    static Tok of(Kind kind, String text) {
        return new Tok(kind, text, kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : text);
    }

    boolean is(String word) {
        return kind == Kind.WORD && upper.equals(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The content of a string or dollar-quoted literal, unescaped; the text itself for other kinds. */
    String literalBody() {
        if (kind == Kind.DOLLAR) {
            int open = text.indexOf('$', 1);
            int close = text.lastIndexOf('$', text.length() - 2);
            return open < 0 || close <= open ? "" : text.substring(open + 1, close);
        }
        if (kind == Kind.STRING) {
            int q = text.indexOf('\'');
            if (q < 0 || text.length() < q + 2) {
                return text;
            }
            return text.substring(q + 1, text.length() - 1).replace("''", "'");
        }
        return text;
    }
}
