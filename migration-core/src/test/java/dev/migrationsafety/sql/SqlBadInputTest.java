package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unterminated constructs: one problem each, at the line and column where the construct opens. */
class SqlBadInputTest {

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT 1;\nINSERT INTO t VALUES ('oops);\nDROP TABLE t;\n",
                        SqlProblem.Kind.UNTERMINATED_STRING,
                        "2:23",
                        "unterminated string literal: the ' opened here is never closed"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT 1;\n\nSELECT E'it\\'s;\n",
                        SqlProblem.Kind.UNTERMINATED_STRING,
                        "3:8",
                        "unterminated string literal"),
                Arguments.of(
                        Dialect.MYSQL,
                        "SELECT 'a\\';\nSELECT 2;",
                        SqlProblem.Kind.UNTERMINATED_STRING,
                        "1:8",
                        "unterminated string literal"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "ALTER TABLE \"users DROP COLUMN x;\n",
                        SqlProblem.Kind.UNTERMINATED_QUOTED_IDENTIFIER,
                        "1:13",
                        "unterminated quoted identifier"),
                Arguments.of(
                        Dialect.MYSQL,
                        "SELECT 1;\nALTER TABLE `users DROP COLUMN x;\n",
                        SqlProblem.Kind.UNTERMINATED_QUOTED_IDENTIFIER,
                        "2:13",
                        "unterminated backtick-quoted identifier"),
                Arguments.of(
                        Dialect.MYSQL,
                        "SELECT \"abc;\nSELECT 2;",
                        SqlProblem.Kind.UNTERMINATED_STRING,
                        "1:8",
                        "unterminated string literal: the \" opened here"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "CREATE FUNCTION f() RETURNS void AS $body$\nBEGIN\n  DROP TABLE t;\nEND;\n$$ LANGUAGE plpgsql;\n",
                        SqlProblem.Kind.UNTERMINATED_DOLLAR_QUOTE,
                        "1:37",
                        "unterminated dollar-quoted string: the $body$ opened here is never closed"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT 1;\n/* outer /* inner */\nDROP TABLE t;\n",
                        SqlProblem.Kind.UNTERMINATED_COMMENT,
                        "2:1",
                        "unterminated block comment"),
                Arguments.of(
                        Dialect.MYSQL,
                        "SELECT 1;\n  /* never closed\nDROP TABLE t;\n",
                        SqlProblem.Kind.UNTERMINATED_COMMENT,
                        "2:3",
                        "unterminated block comment"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT 1;\nCREATE TABLE t (a int;\nDROP TABLE u;\n",
                        SqlProblem.Kind.UNCLOSED_PARENTHESIS,
                        "2:16",
                        "unclosed parenthesis"),
                Arguments.of(
                        Dialect.MYSQL,
                        "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nDROP TABLE u;\n",
                        SqlProblem.Kind.UNCLOSED_BLOCK,
                        "2:1",
                        "unclosed block: the BEGIN opened here has no matching END"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\n  BEGIN ATOMIC\n  SELECT 1;\nDROP TABLE u;\n",
                        SqlProblem.Kind.UNCLOSED_BLOCK,
                        "2:3",
                        "unclosed block: the BEGIN ATOMIC opened here has no matching END"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT 1;\nCOPY t (a) FROM stdin;\n1\n2\n",
                        SqlProblem.Kind.UNTERMINATED_COPY_DATA,
                        "2:1",
                        "the data of this COPY ... FROM stdin is never ended"),
                Arguments.of(
                        Dialect.MYSQL,
                        "DELIMITER\nSELECT 1;",
                        SqlProblem.Kind.BAD_DELIMITER,
                        "1:1",
                        "DELIMITER without a delimiter"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badInputs")
    void reportsWhereItOpens(
            Dialect dialect, String sql, SqlProblem.Kind kind, String lineColumn, String messageStart) {
        SplitResult result = new SqlSplitter(dialect).split("db/V2__bad.sql", sql);
        assertEquals(1, result.problems().size(), () -> result.problems().toString());
        SqlProblem problem = result.problems().get(0);
        assertEquals(kind, problem.kind());
        assertEquals("db/V2__bad.sql", problem.path());
        assertEquals(lineColumn, problem.line() + ":" + problem.column());
        assertTrue(problem.message().startsWith(messageStart), problem.message());
        assertTrue(!problem.fix().isBlank(), "a problem says how to fix it");
        assertTrue(problem.toString().startsWith("db/V2__bad.sql:" + lineColumn + ": "), problem.toString());
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badInputs")
    void keepsWhatItCouldCut(Dialect dialect, String sql, SqlProblem.Kind kind, String lineColumn, String message) {
        assumeTrue(kind != SqlProblem.Kind.UNTERMINATED_COPY_DATA, "COPY data is skipped by design: it is not SQL");
        SplitResult result = new SqlSplitter(dialect).split("f.sql", sql);
        // the text after the broken construct is never lost: it is inside the last statement or a comment
        int covered = 0;
        for (SqlStatement s : result.statements()) {
            covered = Math.max(covered, s.offset() + s.text().length());
        }
        for (Token c : result.comments()) {
            covered = Math.max(covered, c.end());
        }
        String rest = sql.substring(covered);
        assertTrue(rest.strip().replace(";", "").isEmpty(), () -> "text lost after offset " + rest);
    }
}
