package dev.migrationsafety.sql;

import java.util.Objects;

/**
 * One lexical token of SQL text.
 *
 * @param type what it is
 * @param text its exact source text (quotes, comment markers and dollar tags included)
 * @param line 1-based line of its first character
 * @param column 1-based column of its first character (in UTF-16 units; a tab counts as one)
 * @param start offset of its first character in the source the splitter read (the whole file)
 * @param end offset just after its last character
 */
public record Token(TokenType type, String text, int line, int column, int start, int end) {
    public Token {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    /** Whether this is a comment. */
    public boolean isComment() {
        return type.isComment();
    }

    /** Whether this token matters to the meaning of SQL: not a comment and not an executable-comment marker. */
    public boolean isSignificant() {
        return !type.isComment() && type != TokenType.EXECUTABLE_COMMENT_MARKER;
    }

    /** Whether this is the {@link TokenType#WORD} {@code word}, ignoring case ({@code is("drop")}). */
    public boolean is(String word) {
        return type == TokenType.WORD && text.equalsIgnoreCase(word);
    }

    /** Whether this is a {@link TokenType#WORD} equal to one of {@code words}, ignoring case. */
    public boolean isAny(String... words) {
        if (type != TokenType.WORD) {
            return false;
        }
        for (String w : words) {
            if (text.equalsIgnoreCase(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this is the punctuation or operator {@code symbol}, e.g. {@code "("} or {@code "::"}. */
    public boolean isSymbol(String symbol) {
        return (type == TokenType.PUNCTUATION || type == TokenType.OPERATOR) && text.equals(symbol);
    }

    /**
     * The value without quoting: the name of a quoted identifier ({@code "a""b"} is {@code a"b}), the content of a
     * string (doubled quotes undone; backslash escapes kept as written), the body of a dollar string, the name of
     * a placeholder; for other tokens the text itself. An unterminated token yields what it has.
     */
    public String value() {
        return switch (type) {
            case QUOTED_IDENTIFIER -> unquoteIdentifier(text);
            case STRING -> unquoteString(text);
            case DOLLAR_STRING -> dollarBody(text);
            case PLACEHOLDER -> text.length() >= 3 && text.endsWith("}") ? text.substring(2, text.length() - 1) : text;
            default -> text;
        };
    }

    /** The tag of a dollar string including its dollars ({@code $body$}, {@code $$}); empty for other tokens. */
    public String dollarTag() {
        if (type != TokenType.DOLLAR_STRING) {
            return "";
        }
        int second = text.indexOf('$', 1);
        return second < 0 ? text : text.substring(0, second + 1);
    }

    /** Whether this word, as an identifier, names {@code name} (case-insensitively; quoted names exactly). */
    public boolean namesIdentifier(String name) {
        return switch (type) {
            case WORD -> text.equalsIgnoreCase(name);
            case QUOTED_IDENTIFIER -> value().equals(name);
            default -> false;
        };
    }

    private static String unquoteIdentifier(String text) {
        int open = text.startsWith("U&") || text.startsWith("u&") ? 2 : 0;
        if (text.length() - open < 1) {
            return text;
        }
        char q = text.charAt(open);
        boolean closed = text.length() - open >= 2 && text.charAt(text.length() - 1) == q;
        String inner = text.substring(open + 1, closed ? text.length() - 1 : text.length());
        String quote = String.valueOf(q);
        return inner.replace(quote + quote, quote);
    }

    private static String unquoteString(String text) {
        int open = 0;
        while (open < text.length() && text.charAt(open) != '\'' && text.charAt(open) != '"') {
            open++; // past a prefix: E, X, B, N, U&
        }
        if (open >= text.length()) {
            return text;
        }
        char q = text.charAt(open);
        boolean closed = text.length() - open >= 2 && text.charAt(text.length() - 1) == q;
        String inner = text.substring(open + 1, closed ? text.length() - 1 : text.length());
        String quote = String.valueOf(q);
        return inner.replace(quote + quote, quote);
    }

    private static String dollarBody(String text) {
        int second = text.indexOf('$', 1);
        if (second < 0) {
            return "";
        }
        String tag = text.substring(0, second + 1);
        int bodyEnd =
                text.length() >= 2 * tag.length() && text.endsWith(tag) ? text.length() - tag.length() : text.length();
        return text.substring(tag.length(), Math.max(tag.length(), bodyEnd));
    }
}
