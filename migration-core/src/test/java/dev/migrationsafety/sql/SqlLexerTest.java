package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlLexerTest {

    private static List<String> lex(Dialect dialect, String sql) {
        SqlLexer lexer = SqlLexer.forScript(dialect, "f.sql", sql);
        return lexer.all().stream().map(t -> t.type() + " " + t.text()).toList();
    }

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "ALTER TABLE \"Users\" ALTER COLUMN age SET DATA TYPE bigint USING age::bigint;",
                        List.of(
                                "WORD ALTER",
                                "WORD TABLE",
                                "QUOTED_IDENTIFIER \"Users\"",
                                "WORD ALTER",
                                "WORD COLUMN",
                                "WORD age",
                                "WORD SET",
                                "WORD DATA",
                                "WORD TYPE",
                                "WORD bigint",
                                "WORD USING",
                                "WORD age",
                                "OPERATOR ::",
                                "WORD bigint",
                                "DELIMITER ;")),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT E'a\\'b', 'c''d', U&'\\0041', X'1F', $1, $tag$x$tag$, ${p}",
                        List.of(
                                "WORD SELECT",
                                "STRING E'a\\'b'",
                                "PUNCTUATION ,",
                                "STRING 'c''d'",
                                "PUNCTUATION ,",
                                "STRING U&'\\0041'",
                                "PUNCTUATION ,",
                                "STRING X'1F'",
                                "PUNCTUATION ,",
                                "PARAMETER $1",
                                "PUNCTUATION ,",
                                "DOLLAR_STRING $tag$x$tag$",
                                "PUNCTUATION ,",
                                "PLACEHOLDER ${p}")),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT 1.5e3, .5, 42, 0xff, a$b, data->>'k', x #>> '{a}' -- c\n/* b */",
                        List.of(
                                "WORD SELECT",
                                "NUMBER 1.5e3",
                                "PUNCTUATION ,",
                                "NUMBER .5",
                                "PUNCTUATION ,",
                                "NUMBER 42",
                                "PUNCTUATION ,",
                                "NUMBER 0xff",
                                "PUNCTUATION ,",
                                "WORD a$b",
                                "PUNCTUATION ,",
                                "WORD data",
                                "OPERATOR ->>",
                                "STRING 'k'",
                                "PUNCTUATION ,",
                                "WORD x",
                                "OPERATOR #>>",
                                "STRING '{a}'",
                                "LINE_COMMENT -- c",
                                "BLOCK_COMMENT /* b */")),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "\\connect app\nDROP TABLE a;",
                        List.of("BACKSLASH_COMMAND \\connect app", "WORD DROP", "WORD TABLE", "WORD a", "DELIMITER ;")),
                Arguments.of(
                        Dialect.MYSQL,
                        "SELECT \"a\\\"b\", 'it\\'s', `we``ird`, @v # note\nDELIMITER //",
                        List.of(
                                "WORD SELECT",
                                "STRING \"a\\\"b\"",
                                "PUNCTUATION ,",
                                "STRING 'it\\'s'",
                                "PUNCTUATION ,",
                                "QUOTED_IDENTIFIER `we``ird`",
                                "PUNCTUATION ,",
                                "OPERATOR @",
                                "WORD v",
                                "LINE_COMMENT # note",
                                "WORD DELIMITER",
                                "OPERATOR /",
                                "OPERATOR /")),
                Arguments.of(
                        Dialect.MYSQL,
                        "DELIMITER //\nSELECT 1; SELECT 2//\ndelimiter ;\nSELECT $x, 1col;",
                        List.of(
                                "DELIMITER_DIRECTIVE DELIMITER //",
                                "WORD SELECT",
                                "NUMBER 1",
                                "PUNCTUATION ;",
                                "WORD SELECT",
                                "NUMBER 2",
                                "DELIMITER //",
                                "DELIMITER_DIRECTIVE delimiter ;",
                                "WORD SELECT",
                                "WORD $x",
                                "PUNCTUATION ,",
                                "WORD 1col",
                                "DELIMITER ;")),
                Arguments.of(
                        Dialect.MYSQL,
                        "/*!50001 DROP VIEW v */ /*M!100100 SET x=1 */ /* plain */ /*+ hint */",
                        List.of(
                                "EXECUTABLE_COMMENT_MARKER /*!50001",
                                "WORD DROP",
                                "WORD VIEW",
                                "WORD v",
                                "EXECUTABLE_COMMENT_MARKER */",
                                "EXECUTABLE_COMMENT_MARKER /*M!100100",
                                "WORD SET",
                                "WORD x",
                                "OPERATOR =",
                                "NUMBER 1",
                                "EXECUTABLE_COMMENT_MARKER */",
                                "BLOCK_COMMENT /* plain */",
                                "BLOCK_COMMENT /*+ hint */")),
                Arguments.of(
                        Dialect.MYSQL,
                        "/* a /* b */ SELECT 1",
                        List.of("BLOCK_COMMENT /* a /* b */", "WORD SELECT", "NUMBER 1")),
                Arguments.of(
                        Dialect.H2,
                        "SELECT 1 // note\n, $$ x $$",
                        List.of(
                                "WORD SELECT",
                                "NUMBER 1",
                                "LINE_COMMENT // note",
                                "PUNCTUATION ,",
                                "DOLLAR_STRING $$ x $$")),
                Arguments.of(
                        Dialect.H2,
                        "SELECT E'a' -- E is a column alias here",
                        List.of("WORD SELECT", "WORD E", "STRING 'a'", "LINE_COMMENT -- E is a column alias here")),
                Arguments.of(
                        Dialect.GENERIC,
                        "SELECT a/b, \"x\"\"y\", `z`",
                        List.of(
                                "WORD SELECT",
                                "WORD a",
                                "OPERATOR /",
                                "WORD b",
                                "PUNCTUATION ,",
                                "QUOTED_IDENTIFIER \"x\"\"y\"",
                                "PUNCTUATION ,",
                                "QUOTED_IDENTIFIER `z`")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("tokens")
    void lexes(Dialect dialect, String sql, List<String> expected) {
        assertEquals(expected, lex(dialect, sql));
    }

    @Test
    void positionsCountLinesAndColumnsAcrossMultiLineTokens() {
        String sql = "SELECT 'a\nb', /* x\r\ny */ z\r  w";
        List<Token> tokens = SqlLexer.forScript(Dialect.POSTGRESQL, "f", sql).all();
        assertEquals(new Token(TokenType.STRING, "'a\nb'", 1, 8, 7, 12), tokens.get(1));
        assertEquals(new Token(TokenType.BLOCK_COMMENT, "/* x\r\ny */", 2, 5, 14, 24), tokens.get(3));
        assertEquals(new Token(TokenType.WORD, "z", 3, 6, 25, 26), tokens.get(4));
        assertEquals(new Token(TokenType.WORD, "w", 4, 3, 29, 30), tokens.get(5));
    }

    @Test
    void valuesUnquote() {
        List<Token> tokens =
                SqlLexer.tokenize(Dialect.POSTGRESQL, "\"a\"\"b\" 'it''s' $fn$ body $fn$ ${schema} U&\"x\" `q`");
        assertEquals(
                List.of("a\"b", "it's", " body ", "schema", "x", "q"),
                tokens.stream().map(Token::value).toList());
        assertEquals("$fn$", tokens.get(2).dollarTag());
        assertEquals(true, tokens.get(0).namesIdentifier("a\"b"));
        assertEquals(false, tokens.get(0).namesIdentifier("A\"B"));
    }

    @Test
    void mysqlDoubleQuotedStringsUnquote() {
        List<Token> tokens = SqlLexer.tokenize(Dialect.MYSQL, "\"it's\" \"say \"\"hi\"\"\" E'x'");
        assertEquals(
                List.of("it's", "say \"hi\"", "E", "x"),
                tokens.stream().map(Token::value).toList());
    }

    @Test
    void dollarSignsThatAreNotQuotes() {
        assertEquals(
                List.of(
                        "WORD SELECT",
                        "OPERATOR $",
                        "WORD x",
                        "PUNCTUATION ,",
                        "WORD price$",
                        "PUNCTUATION ,",
                        "OPERATOR $"),
                lex(Dialect.POSTGRESQL, "SELECT $ x, price$, $"));
    }

    @Test
    void statementModeHasNoDelimitersNorCommands() {
        List<Token> tokens = SqlLexer.tokenize(Dialect.POSTGRESQL, "SELECT 1; \\x");
        assertEquals(
                List.of("WORD SELECT", "NUMBER 1", "PUNCTUATION ;", "OPERATOR \\", "WORD x"),
                tokens.stream().map(t -> t.type() + " " + t.text()).toList());
    }

    @Test
    void tokenHelpers() {
        Token drop = new Token(TokenType.WORD, "drop", 1, 1, 0, 4);
        assertEquals(true, drop.is("DROP"));
        assertEquals(true, drop.isAny("ALTER", "DROP"));
        assertEquals(false, new Token(TokenType.QUOTED_IDENTIFIER, "\"drop\"", 1, 1, 0, 6).is("drop"));
        assertEquals(true, new Token(TokenType.PUNCTUATION, "(", 1, 1, 0, 1).isSymbol("("));
        assertEquals(false, new Token(TokenType.LINE_COMMENT, "-- x", 1, 1, 0, 4).isSignificant());
    }
}
