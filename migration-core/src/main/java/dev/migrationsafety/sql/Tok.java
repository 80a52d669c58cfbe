package dev.migrationsafety.sql;

import java.util.Locale;

/**
 * The classifier's view of one significant token (comments and whitespace are not tokens here): its kind, its text
 * exactly as written and, for words, the upper-case form used to compare keywords; {@code line} and {@code column}
 * are its place in the file (0 for a token made up by the classifier).
 */
record Tok(Kind kind, String text, String upper, String value, int line, int column) {

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
        return of(kind, text, 0, 0);
    }

    private static Tok of(Kind kind, String text, int line, int column) {
        return new Tok(kind, text, kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : text, text, line, column);
    }

    /** The classifier's view of a lexer token, or {@code null} for comments and executable-comment markers. */
    static Tok of(Token token) {
        int line = token.line();
        int column = token.column();
        return switch (token.type()) {
            case WORD -> of(Kind.WORD, token.text(), line, column);
            // a Flyway placeholder stands for a name or value: read it as a name
            case PLACEHOLDER -> of(Kind.WORD, token.text(), line, column);
            case QUOTED_IDENTIFIER -> of(Kind.QUOTED, token.text(), line, column);
            case STRING -> new Tok(Kind.STRING, token.text(), token.text(), token.value(), line, column);
            case DOLLAR_STRING -> new Tok(Kind.DOLLAR, token.text(), token.text(), token.value(), line, column);
            case NUMBER -> of(Kind.NUMBER, token.text(), line, column);
            case OPERATOR, PUNCTUATION, DELIMITER -> of(Kind.SYMBOL, token.text(), line, column);
            case PARAMETER, BACKSLASH_COMMAND, DELIMITER_DIRECTIVE -> of(Kind.OTHER, token.text(), line, column);
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

    /**
     * Where the content of this string or dollar-quoted literal starts in the file, as {line, column}: after its
     * opening quote or tag. Doubled quotes inside a string shift later columns of their line a little; lines are
     * exact.
     */
    int[] contentStart() {
        int skip = 0;
        if (kind == Kind.DOLLAR) {
            skip = text.indexOf('$', 1) + 1;
        } else {
            while (skip < text.length() && text.charAt(skip) != '\'' && text.charAt(skip) != '"') {
                skip++; // E'...', N'...', _utf8'...'
            }
            skip = Math.min(skip + 1, text.length());
        }
        return new int[] {line, column + skip};
    }
}
