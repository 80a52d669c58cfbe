package dev.migrationsafety.sql;

import java.util.Locale;

/**
 * The classifier's view of one significant token (comments and whitespace are not tokens here): its kind, its text
 * exactly as written and, for words, the upper-case form used to compare keywords.
 */
record Tok(Kind kind, String text, String upper, String value) {

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
        return new Tok(kind, text, kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : text, text);
    }

    /** The classifier's view of a lexer token, or {@code null} for comments and executable-comment markers. */
    static Tok of(Token token) {
        return switch (token.type()) {
            case WORD -> of(Kind.WORD, token.text());
            // a Flyway placeholder stands for a name or value: read it as a name
            case PLACEHOLDER -> of(Kind.WORD, token.text());
            case QUOTED_IDENTIFIER -> of(Kind.QUOTED, token.text());
            case STRING -> new Tok(Kind.STRING, token.text(), token.text(), token.value());
            case DOLLAR_STRING -> new Tok(Kind.DOLLAR, token.text(), token.text(), token.value());
            case NUMBER -> of(Kind.NUMBER, token.text());
            case OPERATOR, PUNCTUATION, DELIMITER -> of(Kind.SYMBOL, token.text());
            case PARAMETER, BACKSLASH_COMMAND, DELIMITER_DIRECTIVE -> of(Kind.OTHER, token.text());
            case LINE_COMMENT, BLOCK_COMMENT, EXECUTABLE_COMMENT_MARKER -> null;
        };
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
        return value;
    }
}
