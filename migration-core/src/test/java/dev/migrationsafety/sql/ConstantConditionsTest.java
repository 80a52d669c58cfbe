package dev.migrationsafety.sql;

import static dev.migrationsafety.sql.Dialect.MYSQL;
import static dev.migrationsafety.sql.Dialect.POSTGRESQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A WHERE that holds for every row is no WHERE at all: the tree reader, the token reader and the reconciled
 * analysis must each say so, for DELETE and UPDATE, in both dialects; and a real condition stays a real one.
 */
class ConstantConditionsTest {
    private static final SqlParserGateway PARSER = new SqlParserGateway(Duration.ofSeconds(5));

    static Stream<Arguments> conditions() {
        return Stream.of(
                // always true, both dialects
                c(POSTGRESQL, "true", true),
                c(MYSQL, "TRUE", true),
                c(POSTGRESQL, "1=1", true),
                c(MYSQL, "1 = 1", true),
                c(POSTGRESQL, "'a' = 'a'", true),
                c(MYSQL, "'a' = 'a'", true),
                c(MYSQL, "'a' = 'A'", true), // MySQL's default collations ignore case
                c(POSTGRESQL, "x OR NOT x", true),
                c(MYSQL, "x OR NOT x", true),
                c(POSTGRESQL, "c IS NULL OR c IS NOT NULL", true),
                c(MYSQL, "c IS NOT NULL OR c IS NULL", true),
                c(POSTGRESQL, "NOT false", true),
                c(MYSQL, "NOT FALSE", true),
                c(POSTGRESQL, "1 < 2", true),
                c(MYSQL, "2 >= 1", true),
                c(POSTGRESQL, "TRUE AND TRUE", true),
                c(MYSQL, "true and 1 = 1", true),
                c(POSTGRESQL, "((1 = 1))", true),
                c(MYSQL, "(((true)))", true),
                c(POSTGRESQL, "NOT (1 = 2)", true),
                c(POSTGRESQL, "1 <> 2", true),
                c(MYSQL, "1 != 2", true),
                c(POSTGRESQL, "-1 < 0", true),
                c(POSTGRESQL, "1.5 > 1", true),
                c(POSTGRESQL, "NULL IS NULL", true),
                c(POSTGRESQL, "1 IS NOT NULL", true),
                c(POSTGRESQL, "true IS TRUE", true),
                c(POSTGRESQL, "'t'", true), // a string literal read as boolean
                c(POSTGRESQL, "id = 5 OR true", true),
                c(POSTGRESQL, "id = 5 OR 1 = 1", true),
                c(POSTGRESQL, "id = 5 OR NOT id = 5", true),
                c(POSTGRESQL, "a = b OR a <> b", true),
                c(POSTGRESQL, "a < b OR a >= b", true),
                c(POSTGRESQL, "(status = 'x' OR 1 = 1) AND 2 > 1", true),
                // a column compared with itself: true for every row where it is not null
                c(POSTGRESQL, "id = id", true),
                c(MYSQL, "t.id = t.id", true),
                c(MYSQL, "`id` = `id`", true),
                c(MYSQL, "Id = iD", true), // MySQL's column names ignore case
                c(POSTGRESQL, "\"Id\" = id", false), // a quoted name keeps its case
                // MySQL: a non-zero number (or numeric string) is true
                c(MYSQL, "1", true),
                c(MYSQL, "-1", true),
                c(MYSQL, "'1'", true),
                c(MYSQL, "1 && 1", true),
                c(MYSQL, "x || !x", true),
                c(MYSQL, "1 <=> 1", true),
                c(MYSQL, "NULL <=> NULL", true),
                c(MYSQL, "1 = '1'", true),
                // real conditions (and constants that are false) stay restricting
                c(POSTGRESQL, "id = 1", false),
                c(MYSQL, "id = 1", false),
                c(POSTGRESQL, "a = b", false),
                c(MYSQL, "a = b", false),
                c(POSTGRESQL, "flag", false),
                c(MYSQL, "flag", false),
                c(POSTGRESQL, "status IS NULL", false),
                c(MYSQL, "status IS NULL", false),
                c(POSTGRESQL, "false", false),
                c(POSTGRESQL, "1 = 2", false),
                c(MYSQL, "0", false),
                c(MYSQL, "'a'", false), // MySQL reads it as the number 0
                c(POSTGRESQL, "'a' = 'A'", false),
                c(POSTGRESQL, "NULL = NULL", false),
                c(POSTGRESQL, "1 = 1 AND id = 3", false),
                c(POSTGRESQL, "id <> id", false),
                c(POSTGRESQL, "x OR NOT y", false),
                c(POSTGRESQL, "lower(a) = lower(a)", false), // functions are never compared
                c(POSTGRESQL, "created_at < now() - interval '30 days'", false),
                c(POSTGRESQL, "id IN (SELECT id FROM u WHERE 1 = 1)", false),
                c(POSTGRESQL, "id BETWEEN 1 AND 10", false),
                c(POSTGRESQL, "CASE WHEN a THEN true ELSE false END", false),
                c(MYSQL, "name LIKE 'a%'", false),
                c(MYSQL, "id NOT IN (1, 2)", false),
                // casts, BETWEEN, IN (list), coalesce and nullif of constants are folded
                c(POSTGRESQL, "true::boolean", true),
                c(POSTGRESQL, "CAST(1 AS boolean)", true),
                c(POSTGRESQL, "CAST('yes' AS bool)", true),
                c(POSTGRESQL, "'1'::int = 1", true),
                c(POSTGRESQL, "'x'::text = 'x'", true),
                c(POSTGRESQL, "coalesce(null, true)", true),
                c(POSTGRESQL, "nullif(1, 2) = 1", true),
                c(POSTGRESQL, "nullif(1, 1) IS NULL", true),
                c(POSTGRESQL, "1 BETWEEN 0 AND 2", true),
                c(POSTGRESQL, "2 BETWEEN SYMMETRIC 3 AND 1", true),
                c(POSTGRESQL, "1 IN (1, 2)", true),
                c(POSTGRESQL, "'a' IN ('b', 'a')", true),
                c(POSTGRESQL, "3 NOT IN (1, 2)", true),
                c(MYSQL, "1 IN (1)", true),
                c(MYSQL, "IFNULL(NULL, 1)", true),
                c(MYSQL, "CAST('1' AS SIGNED) = 1", true),
                c(MYSQL, "1 BETWEEN 0 AND 2", true),
                // constants folded to false change no row: not reported
                c(POSTGRESQL, "false::boolean", false),
                c(POSTGRESQL, "coalesce(null, false)", false),
                c(POSTGRESQL, "1 NOT BETWEEN 0 AND 2", false),
                c(POSTGRESQL, "1 IN (2, 3)", false),
                c(MYSQL, "1 IN (2, 3)", false),
                // conditions that do not read the row: every row or none
                r(POSTGRESQL, "now() > '2020-01-01'"),
                r(POSTGRESQL, "current_user = 'app'"),
                r(POSTGRESQL, "current_date > DATE '2020-01-01'"),
                r(POSTGRESQL, "(SELECT count(*) FROM other) >= 0"),
                r(POSTGRESQL, "EXISTS (SELECT 1)"),
                r(POSTGRESQL, "EXISTS (SELECT 1 FROM bans WHERE 1 = 1)"),
                r(POSTGRESQL, "NOT EXISTS (SELECT * FROM public.bans b)"),
                r(POSTGRESQL, "random() < 0.5"),
                r(POSTGRESQL, "? = 1"),
                r(POSTGRESQL, ":flag = 1"),
                r(POSTGRESQL, "CASE WHEN now() > '2020-01-01' THEN true ELSE false END"),
                r(POSTGRESQL, "now() - interval '1 day' > '2020-01-01'"),
                r(POSTGRESQL, "coalesce(null, now()) > '2020-01-01'"),
                r(POSTGRESQL, "EXISTS (SELECT 1 WHERE DATE '2020-01-01' < now())"),
                r(MYSQL, "@flag = 1"),
                r(MYSQL, "NOW() > '2020-01-01'"),
                r(MYSQL, "CURRENT_DATE > '2020-01-01'"),
                r(MYSQL, "EXISTS (SELECT 1 FROM DUAL)"),
                // conditions that read the row (a subquery naming a column may be correlated)
                c(POSTGRESQL, "id IN (SELECT user_id FROM bans)", false),
                c(POSTGRESQL, "EXISTS (SELECT 1 FROM bans b WHERE b.user_id = logs.id)", false),
                c(POSTGRESQL, "(SELECT max(id) FROM bans) = 1", false),
                c(POSTGRESQL, "status = current_user", false),
                c(POSTGRESQL, "lower(email) = 'x'", false),
                c(POSTGRESQL, "\"current_user\" = 'app'", false), // a quoted name is a column
                c(POSTGRESQL, "coalesce(a, true)", false),
                c(POSTGRESQL, "a::boolean", false),
                c(POSTGRESQL, "CAST(a AS boolean)", false),
                c(POSTGRESQL, "id IN (1, 2)", false),
                c(POSTGRESQL, "created_at < now() - interval '30 days' AND 1 = 1", false),
                c(POSTGRESQL, "EXISTS (SELECT 1 FROM x WHERE '{1}' @> tags)", false),
                c(POSTGRESQL, "EXISTS (SELECT 1 FROM x WHERE date > now())", false),
                c(POSTGRESQL, "trim(FROM email) = ''", false),
                c(MYSQL, "user = 'app'", false), // MySQL's USER needs parentheses: a column
                c(MYSQL, "id IN (SELECT user_id FROM bans)", false),
                c(MYSQL, "created_at < NOW() - INTERVAL 30 DAY", false));
    }

    private static Arguments c(Dialect dialect, String where, boolean alwaysTrue) {
        return Arguments.of(dialect, where, alwaysTrue, false);
    }

    /** A condition that does not read the row, and is not folded. */
    private static Arguments r(Dialect dialect, String where) {
        return Arguments.of(dialect, where, false, true);
    }

    @ParameterizedTest(name = "{0}: WHERE {1} -> always true {2}, row-independent {3}")
    @MethodSource("conditions")
    void deleteAndUpdateReadTheSameFromTreeAndTokens(
            Dialect dialect, String where, boolean alwaysTrue, boolean rowIndependent) {
        String q = dialect == MYSQL ? "`logs`" : "logs";
        for (String sql :
                List.of("DELETE FROM " + q + " WHERE " + where, "UPDATE " + q + " SET a = 1 WHERE " + where)) {
            boolean delete = sql.startsWith("DELETE");
            Operation expected = delete
                    ? new Operation.Delete(TableName.of("logs"), true, alwaysTrue, rowIndependent)
                    : new Operation.Update(TableName.of("logs"), true, alwaysTrue, rowIndependent);
            assertEquals(List.of(expected), tokens(dialect, sql), "tokens: " + sql);
            SqlParserGateway.Outcome outcome = PARSER.parse(sql);
            assertTrue(outcome.parsed(), () -> sql + ": " + outcome.failure());
            assertEquals(
                    List.of(expected),
                    new TreeOperations(dialect).map(outcome.tree()).operations(),
                    "tree: " + sql);
            assertEquals(List.of(expected), StatementAnalyzerTest.analyze(dialect, sql), "analysis: " + sql);
        }
    }

    static Stream<Arguments> joins() {
        return Stream.of(
                Arguments.of(
                        POSTGRESQL,
                        "DELETE FROM t USING u WHERE 1 = 1",
                        new Operation.Delete(TableName.of("t"), true, true)),
                Arguments.of(
                        POSTGRESQL,
                        "DELETE FROM t USING u WHERE t.id = u.id",
                        new Operation.Delete(TableName.of("t"), true, false)),
                Arguments.of(
                        POSTGRESQL,
                        "UPDATE t SET a = u.a FROM u WHERE true",
                        new Operation.Update(TableName.of("t"), true, true)),
                Arguments.of(
                        POSTGRESQL,
                        "UPDATE t SET a = u.a FROM u WHERE t.id = u.id",
                        new Operation.Update(TableName.of("t"), true, false)),
                Arguments.of(
                        POSTGRESQL,
                        "UPDATE t SET a = 1 FROM u WHERE t.id = u.id",
                        new Operation.Update(TableName.of("t"), true, false)),
                Arguments.of(
                        POSTGRESQL,
                        "DELETE FROM t USING u WHERE now() > '2020-01-01'",
                        new Operation.Delete(TableName.of("t"), true, false, true)),
                Arguments.of(
                        POSTGRESQL,
                        "DELETE FROM t WHERE 1 = 1 RETURNING id",
                        new Operation.Delete(TableName.of("t"), true, true)),
                Arguments.of(
                        MYSQL,
                        "UPDATE t JOIN u ON u.id = t.u_id SET t.a = 1 WHERE 1",
                        new Operation.Update(TableName.of("t"), true, true)),
                Arguments.of(
                        MYSQL,
                        "DELETE FROM t WHERE 1 ORDER BY id",
                        new Operation.Delete(TableName.of("t"), true, true)),
                Arguments.of(
                        MYSQL,
                        "DELETE FROM t WHERE id > 10 ORDER BY id",
                        new Operation.Delete(TableName.of("t"), true, false)),
                // procedural bodies are read by the tokens
                Arguments.of(
                        POSTGRESQL,
                        "DO $$ BEGIN DELETE FROM t WHERE 1 = 1; END $$",
                        new Operation.Delete(TableName.of("t"), true, true)),
                Arguments.of(
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN UPDATE t SET a = 1 WHERE 1; END",
                        new Operation.Update(TableName.of("t"), true, true)),
                Arguments.of(
                        POSTGRESQL,
                        "DO $$ BEGIN DELETE FROM t WHERE now() > '2020-01-01'; END $$",
                        new Operation.Delete(TableName.of("t"), true, false, true)),
                Arguments.of(
                        POSTGRESQL,
                        "CREATE FUNCTION f() RETURNS void AS $f$ BEGIN UPDATE t SET a = 1 WHERE $1 = 1; END $f$"
                                + " LANGUAGE plpgsql",
                        new Operation.Update(TableName.of("t"), true, false, true)),
                Arguments.of(
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN DELETE FROM t WHERE @flag = 1; END",
                        new Operation.Delete(TableName.of("t"), true, false, true)),
                Arguments.of(
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN DELETE FROM t WHERE id IN (SELECT user_id FROM bans); END",
                        new Operation.Delete(TableName.of("t"), true, false)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("joins")
    void joinsAndTrailingClauses(Dialect dialect, String sql, Operation expected) {
        assertEquals(List.of(expected), rowChanges(tokens(dialect, sql)), "tokens: " + sql);
        assertEquals(List.of(expected), rowChanges(StatementAnalyzerTest.analyze(dialect, sql)), "analysis: " + sql);
    }

    private static List<Operation> rowChanges(List<Operation> ops) {
        return ops.stream()
                .filter(o -> o instanceof Operation.Delete || o instanceof Operation.Update)
                .toList();
    }

    @Test
    void theTokenReaderAloneFoldsWhatTheParserCannotRead() {
        // a keyword-named column makes JSqlParser fail; the tokens still see the tautology
        String sql = "DELETE FROM t WHERE local = local";
        assertEquals(
                List.of(new Operation.Delete(TableName.of("t"), true, true)),
                StatementAnalyzerTest.analyze(POSTGRESQL, sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POSTGRESQL | DELETE FROM t WHERE created_at AT TIME ZONE 'UTC' < now() - interval '1 day'",
                "POSTGRESQL | DELETE FROM t WHERE tags && ARRAY['a', 'b']",
                "POSTGRESQL | DELETE FROM t WHERE doc @@ to_tsquery('x') AND (a, b) IN ((1, 2))",
                "POSTGRESQL | DELETE FROM t WHERE name ~* '^x' OR name !~ 'y' OR data->>'k' = 'v'",
                "POSTGRESQL | DELETE FROM t WHERE id = ANY($1) AND x IS DISTINCT FROM y",
                "POSTGRESQL | DELETE FROM t WHERE CURRENT OF c",
                "POSTGRESQL | UPDATE t SET a = 1 WHERE a::text COLLATE \"C\" LIKE 'x%' ESCAPE '!'",
                "MYSQL      | DELETE FROM t WHERE created < NOW() - INTERVAL 30 DAY",
                "MYSQL      | DELETE FROM t WHERE a BETWEEN 1 AND 5 AND NOT b REGEXP '^x' LIMIT 100",
                "MYSQL      | DELETE FROM t WHERE id = @last_id OR id = ? OR a DIV 2 = 1 OR a MOD 2 = 1",
                "MYSQL      | DELETE FROM t WHERE MATCH(a) AGAINST ('x') AND b = _utf8mb4'x' COLLATE utf8mb4_bin",
                "POSTGRESQL | DELETE FROM t WHERE id = :id OR id = $1 OR (a).f = 1 OR arr[1] = 2 OR a IS JSON",
                "POSTGRESQL | UPDATE t SET a = 1 WHERE created < now() - INTERVAL '1' DAY AND x = NEW.x",
                "POSTGRESQL | DELETE FROM t WHERE EXTRACT(YEAR FROM d) = 2020 AND data ? 'k' AND b = CAST(c AS int)",
            })
    void theTokenReaderReadsRealConditions(Dialect dialect, String sql) {
        TokenOps ops = new TokenClassifier(dialect, (text, l, c) -> StatementAnalyzer.relex(text, dialect, l, c))
                .classify(StatementAnalyzer.relex(sql, dialect));
        assertTrue(ops.complete(), () -> sql + ": " + ops.unclear);
        Operation op = ops.operations.get(0);
        assertTrue(op instanceof Operation.Delete d ? !d.everyRow() : !((Operation.Update) op).everyRow(), sql);
    }

    @Test
    void aConditionNeitherReaderCanReadIsNotAnalysable() {
        // JSqlParser fails on the trailing words, and the tokens cannot read the condition to its end either: nothing
        // proves it does not hold for every row
        List<Operation> ops = StatementAnalyzerTest.analyze(POSTGRESQL, "DELETE FROM t WHERE 1 = 1 whatever follows");
        assertEquals(new Operation.Delete(TableName.of("t"), true, false), ops.get(0));
        assertTrue(
                ops.get(1) instanceof Operation.NotAnalysable n && n.reason().contains("the WHERE condition"),
                () -> String.valueOf(ops));
    }

    @Test
    void deepConditionsAreBoundedAndNotFoldedButStillReadNoRow() {
        // too deep to fold, but no column anywhere: every row or none
        String deep = "(".repeat(5_000) + "1 = 1" + ")".repeat(5_000);
        String chain = "1 = 1" + " AND 1 = 1".repeat(5_000);
        String deepColumn = "(".repeat(5_000) + "id = 1" + ")".repeat(5_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(
                    List.of(new Operation.Delete(TableName.of("t"), true, false, true)),
                    tokens(POSTGRESQL, "DELETE FROM t WHERE " + deep));
            assertEquals(
                    List.of(new Operation.Delete(TableName.of("t"), true, false, true)),
                    tokens(POSTGRESQL, "DELETE FROM t WHERE " + chain));
            assertEquals(
                    List.of(new Operation.Delete(TableName.of("t"), true, false)),
                    tokens(POSTGRESQL, "DELETE FROM t WHERE " + deepColumn));
        });
    }

    private static List<Operation> tokens(Dialect dialect, String sql) {
        return new TokenClassifier(dialect, (text, l, c) -> StatementAnalyzer.relex(text, dialect, l, c))
                .classify(StatementAnalyzer.relex(sql, dialect))
                .operations;
    }
}
