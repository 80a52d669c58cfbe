package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table-driven suite: real-looking migrations of both dialects with the findings each must produce, run end
 * to end through the project's lexer, analysis and checks. The data is in {@code lint/statements.tsv}.
 */
class StatementSuiteTest {
    private static final String DATA = "/lint/statements.tsv";

    record Row(int line, Dialect dialect, String sql, List<String> expected) {}

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(StatementSuiteTest.class.getResourceAsStream(DATA), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(DATA + ":" + n + ": expected 3 tab-separated fields");
                }
                List<String> expected = f[2].equals("-") ? List.of() : Arrays.asList(f[2].split(","));
                rows.add(new Row(n, Dialect.parse(f[0]), unescape(f[1]), expected));
            }
        }
        return rows;
    }

    static Stream<Arguments> cases() throws IOException {
        return rows().stream().map(r -> Arguments.of(r.line(), r.dialect(), r.sql(), r.expected()));
    }

    @ParameterizedTest(name = "line {0} ({1}): {2}")
    @MethodSource("cases")
    void findsWhatIsExpected(int line, Dialect dialect, String sql, List<String> expected) {
        assertEquals(expected, ids(lint(dialect, sql + ";\n")), "statements.tsv line " + line + ": " + sql);
    }

    @Test
    void theSuiteIsLargeAndCoversBothDialectsAndEveryStatementCheck() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 300, "at least 300 rows: " + rows.size());
        assertTrue(rows.stream().filter(r -> r.dialect() == Dialect.MYSQL).count() >= 100);
        assertTrue(rows.stream().filter(r -> r.dialect() == Dialect.POSTGRESQL).count() >= 150);
        for (Check c : Check.values()) {
            boolean fileLevel = c == Check.DOWN_DROPS_PREEXISTING
                    || c == Check.LOSSY_ROLLBACK
                    || c == Check.INVALID_ALLOW
                    || c == Check.UNUSED_ALLOW;
            if (!fileLevel) {
                assertTrue(rows.stream().anyMatch(r -> r.expected().contains(c.id())), "no row expects " + c.id());
            }
        }
    }

    static List<Finding> lint(Dialect dialect, String sql) {
        ParsedFile file = StandardFileAnalyzer.INSTANCE.analyze("db/migration/V1__suite.sql", sql, dialect);
        return new MigrationLinter(dialect).lint(file, null);
    }

    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).sorted().toList();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
