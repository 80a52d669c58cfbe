package dev.migrationsafety.sql;

/** What a {@link Token} is. Whitespace is not a token; comments are. */
public enum TokenType {
    /** A keyword or an unquoted identifier ({@code DROP}, {@code users}, {@code a$b}); compare with {@link Token#is}. */
    WORD,
    /** A quoted identifier: {@code "name"} (PostgreSQL, H2, generic), {@code `name`}, {@code U&"name"}. */
    QUOTED_IDENTIFIER,
    /**
     * A string literal: {@code 'text'}, {@code E'it\'s'}, {@code X'ff'}, {@code N'x'}, and in MySQL also
     * {@code "text"}; MySQL strings honour backslash escapes.
     */
    STRING,
    /** A dollar-quoted string {@code $tag$ body $tag$} (PostgreSQL, H2, generic), tag and body kept. */
    DOLLAR_STRING,
    /** A numeric literal: {@code 42}, {@code 1.5e3}, {@code .5}, {@code 0xff}. */
    NUMBER,
    /** An operator: {@code =}, {@code ::}, {@code <>}, {@code ||}, {@code ->>}, {@code *}, ... */
    OPERATOR,
    /** {@code ( ) [ ] { } , .} and a {@code ;} that does not end a statement. */
    PUNCTUATION,
    /** A positional parameter such as {@code $1} (PostgreSQL function bodies). */
    PARAMETER,
    /** A Flyway placeholder {@code ${name}} or {@code ${flyway:user}}. */
    PLACEHOLDER,
    /** {@code -- to end of line}; in MySQL also {@code # ...}; in H2 also {@code // ...}. Text without the line break. */
    LINE_COMMENT,
    /** {@code /* ... *&#47;}, nested in PostgreSQL and generic SQL. */
    BLOCK_COMMENT,
    /**
     * The opening {@code /*!50001} (or MariaDB {@code /*M!}) or the closing {@code *&#47;} of a MySQL executable
     * comment; the SQL between them is lexed as ordinary tokens because MySQL runs it.
     */
    EXECUTABLE_COMMENT_MARKER,
    /**
     * The active statement delimiter in a whole file: {@code ;}, or what a MySQL {@code DELIMITER} directive set.
     * Never inside the tokens of one {@link SqlStatement}: there a {@code ;} is {@link #PUNCTUATION}.
     */
    DELIMITER,
    /** A MySQL client {@code DELIMITER //} line (whole line). */
    DELIMITER_DIRECTIVE,
    /** A psql meta-command such as {@code \connect db} or {@code \set x 1} (whole line). */
    BACKSLASH_COMMAND;

    /** Whether this is a comment (line or block). */
    public boolean isComment() {
        return this == LINE_COMMENT || this == BLOCK_COMMENT;
    }
}
