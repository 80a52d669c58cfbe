package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random scripts glued from SQL fragments, broken ones included: the splitter never throws, and every statement
 * it gives is exactly the file text at its offset, with a line and column that match that offset, and its own
 * tokens are the tokens the whole file has there.
 */
class SqlSplitterPropertiesTest {

    private static final String[] FRAGMENTS = {
        "SELECT 1",
        ";",
        ";",
        "\n",
        "\n\n\n",
        " ",
        "\t",
        "\r\n",
        "'a;b'",
        "'it''s'",
        "E'\\''",
        "\"q;\"",
        "`b;`",
        "$$;$$",
        "$t$ ; $t$",
        "-- c; d\n",
        "# h;\n",
        "/* x; */",
        "/* a /* b */ c */",
        "(",
        ")",
        "BEGIN",
        "END",
        "CREATE PROCEDURE p()",
        "CREATE FUNCTION f() RETURNS int",
        "BEGIN ATOMIC",
        "CASE",
        "END IF",
        "DELIMITER //\n",
        "DELIMITER ;\n",
        "//",
        "\\connect db\n",
        "${p}",
        "COPY t FROM stdin",
        "\\.\n",
        "'",
        "\"",
        "`",
        "$$",
        "/*",
        "DROP TABLE t",
        "ALTER TABLE t DROP COLUMN c",
        "/*!40101 SET x=1 */",
        "Größe",
        "\u0000",
        "\\",
        "$1",
        ".5e3",
    };

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @Timeout(60) // a hang on some input is a failure, not a stuck build
    void statementsAreExactSlicesOfTheFileWithTruePositions(Dialect dialect) {
        Random random = new Random(42 + dialect.ordinal());
        for (int round = 0; round < 400; round++) {
            StringBuilder sql = new StringBuilder();
            int parts = 1 + random.nextInt(30);
            for (int i = 0; i < parts; i++) {
                sql.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                if (random.nextBoolean()) {
                    sql.append(' ');
                }
            }
            String content = sql.toString();
            SplitResult result = new SqlSplitter(dialect).split("f.sql", content);
            for (SqlStatement s : result.statements()) {
                assertEquals(
                        s.text(),
                        content.substring(s.offset(), s.offset() + s.text().length()),
                        content);
                assertEquals(position(content, s.offset()), s.line() + ":" + s.column(), content);
                assertTrue(!s.text().isBlank(), content);
                List<Token> tokens = s.tokens();
                assertEquals(s.offset(), tokens.get(0).start(), content);
                assertEquals(
                        s.offset() + s.text().length(),
                        tokens.get(tokens.size() - 1).end(),
                        content);
                for (Token t : tokens) {
                    assertEquals(t.text(), content.substring(t.start(), t.end()), content);
                    assertEquals(position(content, t.start()), t.line() + ":" + t.column(), content);
                }
            }
            if (!content.contains("COPY")) { // COPY data lines are skipped by the splitter, not the lexer
                List<Token> script =
                        SqlLexer.forScript(dialect, "f.sql", content).all();
                for (SqlStatement s : result.statements()) {
                    int end = s.offset() + s.text().length();
                    List<String> expected = script.stream()
                            .filter(t -> t.start() >= s.offset() && t.end() <= end)
                            .map(t -> (t.type() == TokenType.DELIMITER ? TokenType.PUNCTUATION : t.type()) + " "
                                    + t.text() + "@" + t.start())
                            .toList();
                    List<String> actual = s.tokens().stream()
                            .map(t -> t.type() + " " + t.text() + "@" + t.start())
                            .toList();
                    assertEquals(expected, actual, content);
                }
            }
            for (Token c : result.comments()) {
                assertEquals(c.text(), content.substring(c.start(), c.end()), content);
                assertEquals(position(content, c.start()), c.line() + ":" + c.column(), content);
            }
            for (SqlProblem p : result.problems()) {
                assertTrue(p.line() >= 1 && p.column() >= 1 && !p.fix().isBlank(), p::toString);
            }
        }
    }

    private static String position(String content, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = content.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= content.length() || content.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (offset - lineStart + 1);
    }
}
