package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.sql.Operation.DropColumn;
import dev.migrationsafety.sql.Operation.DropTable;
import dev.migrationsafety.sql.Operation.NotAnalysable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlAnalysisTest {
    private static final SqlAnalysis ANALYSIS = new SqlAnalysis();

    private static List<Operation> only(Dialect dialect, String sql) {
        FileAnalysis file = ANALYSIS.analyze("V1__x.sql", sql, dialect);
        assertEquals(1, file.statements().size(), sql);
        return file.statements().get(0).operations();
    }

    @Test
    void aSecondStatementOnTheSameLineIsAnalysedToo() {
        FileAnalysis file = ANALYSIS.analyze("V1__x.sql", "SELECT 1; DROP TABLE users", Dialect.POSTGRESQL);
        assertEquals(2, file.statements().size());
        assertEquals(List.of(), file.statements().get(0).operations());
        assertEquals(
                List.of(new DropTable(TableName.of("users"), false, false)),
                file.statements().get(1).operations());
        assertEquals(1, file.statements().get(1).statement().line());
        assertEquals(11, file.statements().get(1).statement().column());
    }

    @Test
    void statementsKeepTheirLinesAndDelimiterBodiesStayWhole() {
        String sql = "# setup\nDELIMITER //\nCREATE PROCEDURE p() BEGIN\n  DELETE FROM logs;\nEND //\nDELIMITER ;\n"
                + "ALTER TABLE orders DROP FOREIGN KEY fk_user;\n";
        FileAnalysis file = ANALYSIS.analyze("V2__p.sql", sql, Dialect.MYSQL);
        assertEquals(2, file.statements().size());
        assertEquals(3, file.statements().get(0).statement().line());
        assertEquals(
                List.of(
                        new Operation.CreateObject(Operation.ObjectKind.PROCEDURE, TableName.of("p"), false),
                        new Operation.Delete(TableName.of("logs"), false)),
                file.statements().get(0).operations());
        assertEquals(7, file.statements().get(1).statement().line());
        assertFalse(file.statements().get(1).parsed(), "JSqlParser cannot read MySQL DROP FOREIGN KEY");
    }

    @Test
    void anUnsupportedClauseDoesNotHideADropColumn() {
        List<Operation> ops = only(Dialect.POSTGRESQL, "ALTER TABLE t DROP COLUMN a, FROBNICATE b");
        assertEquals(new DropColumn(TableName.of("t"), "a", false), ops.get(0));
        NotAnalysable na = assertInstanceOf(NotAnalysable.class, ops.get(1));
        assertTrue(na.reason().contains("FROBNICATE"), na.reason());
        assertEquals(2, ops.size());
    }

    @Test
    void aStatementNeitherReaderKnowsIsNotAnalysable() {
        List<Operation> ops = only(Dialect.POSTGRESQL, "FROBNICATE TABLE users");
        NotAnalysable na = assertInstanceOf(NotAnalysable.class, ops.get(0));
        assertTrue(na.reason().contains("JSqlParser could not parse it"), na.reason());
        assertTrue(na.reason().contains("FROBNICATE"), na.reason());
    }

    @Test
    void dynamicSqlIsNotAnalysable() {
        List<Operation> ops = only(Dialect.POSTGRESQL, "DO $$ BEGIN EXECUTE format('DROP TABLE %I', tbl); END $$");
        assertEquals(1, ops.size());
        NotAnalysable na = assertInstanceOf(NotAnalysable.class, ops.get(0));
        assertTrue(na.reason().startsWith("dynamic SQL (EXECUTE format"), na.reason());
        assertInstanceOf(
                NotAnalysable.class, only(Dialect.MYSQL, "EXECUTE stmt").get(0));
    }

    @Test
    void aFunctionInAnotherLanguageIsNotAnalysable() {
        List<Operation> ops = only(
                Dialect.POSTGRESQL,
                "CREATE FUNCTION f() RETURNS void AS $$ plpy.execute('DROP TABLE x') $$ LANGUAGE plpython3u");
        assertInstanceOf(NotAnalysable.class, ops.get(1));
    }

    @Test
    void splitProblemsComeWithTheAnalysis() {
        FileAnalysis file = ANALYSIS.analyze("V3__bad.sql", "DROP TABLE a;\nSELECT 'open", Dialect.POSTGRESQL);
        assertEquals(1, file.problems().size());
        assertEquals(2, file.problems().get(0).line());
        assertEquals(
                List.of(new DropTable(TableName.of("a"), false, false)),
                file.statements().get(0).operations());
    }

    @Test
    void theParserIsStoppedAtItsTimeLimit() {
        StringBuilder sql = new StringBuilder("INSERT INTO t (a, b) VALUES ");
        for (int i = 0; i < 20_000; i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(")
                    .append(i)
                    .append(", 'v")
                    .append(i)
                    .append("')");
        }
        SqlParserGateway gateway = new SqlParserGateway(Duration.ofMillis(1));
        long start = System.nanoTime();
        SqlParserGateway.Outcome outcome = gateway.parse(sql.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(outcome.timedOut(), () -> "outcome " + outcome);
        assertFalse(outcome.parsed());
        assertTrue(millis < 2_000, "stopped after " + millis + " ms");
    }

    @Test
    void aHugeStatementIsLeftToTheTokenClassifier() {
        StringBuilder sql = new StringBuilder("INSERT INTO t (a) VALUES ");
        for (int i = 0; i < 30_000; i++) {
            sql.append(i == 0 ? "" : ", ").append("(").append(i).append(")");
        }
        FileAnalysis file = ANALYSIS.analyze("V4__data.sql", sql, Dialect.POSTGRESQL);
        AnalyzedStatement s = file.statements().get(0);
        assertFalse(s.parsed());
        assertEquals(List.of(new Operation.Insert(TableName.of("t"))), s.operations());
    }

    @Test
    void aDeeplyNestedStatementIsLeftToTheTokenClassifier() {
        // JSqlParser takes seconds on such input (its time grows with about the cube of the depth)
        String deep = "DELETE FROM users WHERE " + "(".repeat(150) + "id = 1" + ")".repeat(150);
        AnalyzedStatement s = ANALYSIS.analyze("V5__deep.sql", deep, Dialect.POSTGRESQL)
                .statements()
                .get(0);
        assertFalse(s.parsed());
        assertEquals(List.of(new Operation.Delete(TableName.of("users"), true)), s.operations());
    }

    @Test
    void aDeeplyNestedStatementTheTokensDoNotKnowSaysWhyTheParserWasNotAsked() {
        String deep = "WITH x AS " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        AnalyzedStatement s = ANALYSIS.analyze("V5__deep.sql", deep, Dialect.POSTGRESQL)
                .statements()
                .get(0);
        Operation.NotAnalysable op =
                (Operation.NotAnalysable) s.operations().get(s.operations().size() - 1);
        assertTrue(
                op.reason().contains("nested 10000 levels deep in parentheses and CASE, deeper than the 100"),
                op.reason());
    }

    @Test
    void afterAHundredFailedParsesAFileStopsAskingTheParser() {
        // each failed parse costs about a millisecond; a damaged file can hold thousands of them
        String sql = "frobnicate t;\n".repeat(150) + "DROP TABLE users;\n" + "ALTER TABLE t DROP COLUMN c;\n";
        FileAnalysis file = ANALYSIS.analyze("V6__damaged.sql", sql, Dialect.POSTGRESQL);
        List<String> reasons = file.statements().stream()
                .flatMap(s -> s.operations().stream())
                .filter(o -> o instanceof Operation.NotAnalysable)
                .map(o -> ((Operation.NotAnalysable) o).reason())
                .toList();
        assertEquals(150, reasons.size());
        assertTrue(reasons.get(99).contains("JSqlParser could not parse it (Encountered"), reasons.get(99));
        assertTrue(
                reasons.get(100).contains("JSqlParser could not parse it (not asked: it already failed on 100"),
                reasons.get(100));
        // what the tokens clear is still found, and still given to the parser
        assertEquals(
                List.of(new Operation.DropTable(TableName.of("users"), false, false)),
                file.statements().get(150).operations());
        assertTrue(file.statements().get(151).parsed());
    }

    @Test
    void theTokenClassifierReadsPastASemicolonEvenInOneChunk() {
        TokenOps ops = new TokenClassifier(
                        Dialect.POSTGRESQL, (x, l, c) -> StatementAnalyzer.relex(x, Dialect.POSTGRESQL, l, c))
                .classify(StatementAnalyzer.relex("SELECT 1; DROP TABLE users", Dialect.POSTGRESQL));
        assertEquals(List.of(new DropTable(TableName.of("users"), false, false)), ops.operations);
        assertTrue(ops.complete());
    }

    @Test
    void aConditionalStatementOutsideARoutineIsNotCleared() {
        List<Operation> ops = only(Dialect.MYSQL, "IF EXISTS (SELECT 1) DROP TABLE users");
        assertTrue(ops.stream().anyMatch(o -> o instanceof NotAnalysable), ops::toString);
    }

    @Test
    void aMariaDbAnonymousBlockIsScanned() {
        List<Operation> ops = only(Dialect.MYSQL, "BEGIN NOT ATOMIC DELETE FROM logs; END");
        assertEquals(List.of(new Operation.Delete(TableName.of("logs"), false)), ops);
        assertEquals(List.of(), only(Dialect.POSTGRESQL, "BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
    }

    @Test
    void theParserIsSkippedOnlyWhereItsTreeCannotAddADestructiveOperation() {
        FileAnalysis file = ANALYSIS.analyze(
                "V5__mix.sql",
                "INSERT INTO t (a) VALUES (1);\nCREATE TABLE u (id int);\nDROP TABLE v;\nALTER TABLE w ADD COLUMN c int;",
                Dialect.POSTGRESQL);
        assertFalse(file.statements().get(0).parsed());
        assertFalse(file.statements().get(1).parsed());
        assertTrue(file.statements().get(2).parsed());
        assertTrue(file.statements().get(3).parsed());
    }

    @Test
    void everyDestructiveStatementKindIsParsed() {
        for (String sql : List.of(
                "DROP TABLE a",
                "DELETE FROM a",
                "UPDATE a SET b = 1",
                "TRUNCATE a",
                "ALTER TABLE a DROP COLUMN b",
                "WITH x AS (DELETE FROM a RETURNING *) SELECT 1",
                "MERGE INTO a USING b ON a.id = b.id WHEN MATCHED THEN DELETE")) {
            assertFalse(
                    StatementAnalyzer.treeAddsNothingDestructive(StatementAnalyzer.relex(sql, Dialect.POSTGRESQL)),
                    sql);
        }
    }

    @Test
    void manyFilesInParallelGiveTheSameResultsInOrder() {
        List<SqlAnalysis.Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sources.add(new SqlAnalysis.Source(
                    "V" + i + "__m.sql",
                    "CREATE TABLE t" + i + " (id int);\nALTER TABLE t" + i + " DROP COLUMN c" + i + ";"));
        }
        List<FileAnalysis> parallel = ANALYSIS.analyzeAll(sources, Dialect.POSTGRESQL);
        assertEquals(40, parallel.size());
        for (int i = 0; i < 40; i++) {
            FileAnalysis sequential =
                    ANALYSIS.analyze(sources.get(i).path(), sources.get(i).content(), Dialect.POSTGRESQL);
            assertEquals(sources.get(i).path(), parallel.get(i).path());
            assertEquals(sequential.statements(), parallel.get(i).statements());
            assertEquals(
                    new DropColumn(TableName.of("t" + i), "c" + i, false),
                    parallel.get(i).statements().get(1).operations().get(0));
        }
    }
}
