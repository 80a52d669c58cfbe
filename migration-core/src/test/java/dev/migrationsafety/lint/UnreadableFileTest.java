package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file whose text cannot be cut into readable statements, with a destructive statement in it, fails closed: a
 * {@code not-analysable} finding (which blocks whatever the threshold) where the reading went wrong, or the
 * destructive statement's own finding, never silence.
 */
class UnreadableFileTest {

    static Stream<Arguments> unreadable() {
        return Stream.of(
                // a ( never closed before the ; swallows the statements after it, up to a later )
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "CREATE TABLE a (x int;\nDROP TABLE users;\nSELECT 1);\n",
                        "1:22: high [not-analysable] cannot be analysed: ; inside parentheses: the ( opened at line 1,"
                                + " column 16 is not closed before it"),
                Arguments.of(
                        Dialect.MYSQL,
                        "CREATE TABLE a (x int;\nDROP TABLE users;\nSELECT 1);\n",
                        "1:22: high [not-analysable] cannot be analysed: ; inside parentheses"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT ((1; DELETE FROM users; SELECT 1));\n",
                        "1:11: high [not-analysable] cannot be analysed: ; inside parentheses: the ( opened at line 1,"
                                + " column 8"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "INSERT INTO t VALUES (1;\nTRUNCATE users;\n);\n",
                        "1:24: high [not-analysable] cannot be analysed: ; inside parentheses"),
                // unclosed to the end of the file
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "CREATE TABLE a (x int; DROP TABLE users;\n",
                        "1:16: high [not-analysable] cannot be analysed: unclosed parenthesis"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT 'abc;\nDROP TABLE users;\n",
                        "1:8: high [not-analysable] cannot be" + " analysed: unterminated string literal"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "SELECT $$abc;\nDROP TABLE users;\n",
                        "1:8: high [not-analysable] cannot be analysed: unterminated dollar-quoted string"),
                Arguments.of(
                        Dialect.POSTGRESQL,
                        "/* a /* b */\nDROP TABLE users;\n",
                        "1:1: high [not-analysable] cannot be analysed: unterminated block comment"),
                Arguments.of(
                        Dialect.MYSQL,
                        "SELECT 1;\n/*!40101 SET NAMES utf8mb4;\nDROP TABLE users;\n",
                        "2:1: high [not-analysable] cannot be analysed: unterminated executable comment: the /*! opened"
                                + " here is never closed"),
                Arguments.of(
                        Dialect.MYSQL,
                        "CREATE PROCEDURE p() BEGIN\nDROP TABLE users;\n",
                        "1:22: high [not-analysable] cannot be analysed: unclosed block"),
                // stray words around a destructive statement that is still cut on its own
                Arguments.of(Dialect.POSTGRESQL, "END;\nDROP TABLE users;\n", "2:1: critical [drop-table]"),
                Arguments.of(Dialect.MYSQL, "END;\nDELETE FROM users;\n", "2:1: critical [delete-without-where]"),
                Arguments.of(Dialect.POSTGRESQL, "@@@ !!! ;\nDROP TABLE users;\n", "2:1: critical [drop-table]"));
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void failsClosed(Dialect dialect, String sql, String expected) {
        List<String> findings = lint(dialect, sql);
        assertTrue(
                findings.stream().anyMatch(f -> f.startsWith("V9__bad.sql:" + expected)),
                () -> "expected V9__bad.sql:" + expected + "... in\n" + String.join("\n", findings));
    }

    @ParameterizedTest
    @MethodSource("truncated")
    void aTreeWithoutItsTableIsNotAnalysableWithoutAnInternalError(Dialect dialect, String sql) {
        // JSqlParser gives a DELETE without a table for a statement cut short; reading it failed with an exception
        List<String> findings = lint(dialect, sql);
        assertTrue(findings.stream().anyMatch(f -> f.contains("[not-analysable]")), () -> String.join("\n", findings));
        assertTrue(findings.stream().noneMatch(f -> f.contains("please report")), () -> String.join("\n", findings));
    }

    static Stream<Arguments> truncated() {
        return Stream.of(
                Arguments.of(Dialect.POSTGRESQL, "SELECT 1;\nDELETE FROM"),
                Arguments.of(Dialect.MYSQL, "SELECT 1;\nDELETE FROM"));
    }

    @ParameterizedTest
    @MethodSource("ruleBodies")
    void aRuleMayHoldSemicolonsInParentheses(String sql) {
        assertEquals(
                List.of(),
                lint(Dialect.POSTGRESQL, sql).stream()
                        .filter(f -> f.contains("not-analysable"))
                        .toList());
    }

    static Stream<String> ruleBodies() {
        return Stream.of(
                "CREATE RULE log_insert AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); INSERT INTO log VALUES"
                        + " (2));\n",
                "CREATE OR REPLACE RULE r AS ON UPDATE TO t DO INSTEAD (UPDATE a SET x = 1 WHERE id = 2; NOTIFY t);\n");
    }

    private static List<String> lint(Dialect dialect, String sql) {
        ParsedFile parsed = StandardFileAnalyzer.INSTANCE.analyze("V9__bad.sql", sql, dialect);
        return new MigrationLinter(dialect)
                .lint(parsed, null).stream().map(Finding::formatWithSeverity).toList();
    }
}
