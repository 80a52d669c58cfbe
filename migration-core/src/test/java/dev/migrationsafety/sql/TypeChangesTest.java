package dev.migrationsafety.sql;

import static dev.migrationsafety.sql.Dialect.MYSQL;
import static dev.migrationsafety.sql.Dialect.POSTGRESQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The tree reader and the token reader see the same USING; narrowing is decided per type family. */
class TypeChangesTest {
    private static final SqlParserGateway PARSER = new SqlParserGateway(Duration.ofSeconds(5));

    static Stream<Arguments> usings() {
        return Stream.of(
                Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE varchar(5) USING NULL", TypeChanges.Kind.DESTROYS),
                Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE int USING -1", TypeChanges.Kind.DESTROYS),
                Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE text USING left(c, 5)", TypeChanges.Kind.DESTROYS),
                Arguments.of(
                        "ALTER TABLE t ALTER COLUMN c TYPE text USING substring(c, 1, 5)", TypeChanges.Kind.DESTROYS),
                Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE text USING c::varchar(5)", TypeChanges.Kind.DESTROYS),
                Arguments.of(
                        "ALTER TABLE t ALTER COLUMN c TYPE text USING CAST(c AS character varying(5))",
                        TypeChanges.Kind.DESTROYS),
                Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE bigint USING other", TypeChanges.Kind.DESTROYS),
                Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE int USING c::int", null),
                Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE int USING trim(c)::int", null),
                Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE text", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usings")
    void treeAndTokensAgree(String sql, TypeChanges.Kind expected) {
        SqlParserGateway.Outcome outcome = PARSER.parse(sql);
        assertTrue(outcome.parsed(), () -> sql + ": " + outcome.failure());
        List<Operation> tree =
                new TreeOperations(POSTGRESQL).map(outcome.tree()).operations();
        List<Operation> tokens = new TokenClassifier(
                        POSTGRESQL, (text, l, c) -> StatementAnalyzer.relex(text, POSTGRESQL, l, c))
                .classify(StatementAnalyzer.relex(sql, POSTGRESQL))
                .operations;
        for (List<Operation> ops : List.of(tree, tokens, StatementAnalyzerTest.analyze(POSTGRESQL, sql))) {
            assertEquals(1, ops.size(), sql + " " + ops);
            TypeChanges.Loss loss = TypeChanges.assess((Operation.ChangeColumnType) ops.get(0), null, POSTGRESQL);
            assertEquals(expected, loss == null ? null : loss.kind(), sql + " " + ops);
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POSTGRESQL | varchar(200)          | varchar(50)       | true",
                "POSTGRESQL | character varying(200)| varchar(50)       | true",
                "POSTGRESQL | varchar               | varchar(50)       | true",
                "POSTGRESQL | text                  | char(10)          | true",
                "POSTGRESQL | varchar(50)           | varchar(200)      | false",
                "POSTGRESQL | varchar(50)           | text              | false",
                "POSTGRESQL | numeric(12,2)         | numeric(8,2)      | true",
                "POSTGRESQL | numeric(12,4)         | numeric(14,2)     | true",
                "POSTGRESQL | numeric(8,2)          | numeric(12,2)     | false",
                "POSTGRESQL | numeric               | numeric(10,2)     | true",
                "POSTGRESQL | numeric(10,2)         | integer           | true",
                "POSTGRESQL | numeric(5,0)          | integer           | false",
                "POSTGRESQL | bigint                | integer           | true",
                "POSTGRESQL | bigint                | smallint          | true",
                "POSTGRESQL | integer               | bigint            | false",
                "POSTGRESQL | bigserial             | int4              | true",
                "POSTGRESQL | int                   | numeric(5,0)      | true",
                "POSTGRESQL | double precision      | real              | true",
                "POSTGRESQL | real                  | float8            | false",
                "POSTGRESQL | float                 | real              | true",
                "POSTGRESQL | double precision      | bigint            | true",
                "POSTGRESQL | timestamp             | timestamp(3)      | true",
                "POSTGRESQL | timestamp(3) with time zone | timestamptz(0) | true",
                "POSTGRESQL | timestamp(0)          | timestamp         | false",
                "POSTGRESQL | timestamp             | date              | true",
                "POSTGRESQL | date                  | timestamp         | false",
                "POSTGRESQL | varchar(20)           | integer           | false",
                "POSTGRESQL | my_enum               | varchar(5)        | false",
                "MYSQL      | text                  | varchar(100)      | true",
                "MYSQL      | longtext              | mediumtext        | true",
                "MYSQL      | tinytext              | text              | false",
                "MYSQL      | INT(11)               | SMALLINT(6)       | true",
                "MYSQL      | int                   | int unsigned      | true",
                "MYSQL      | int unsigned          | bigint            | false",
                "MYSQL      | int unsigned          | int               | true",
                "MYSQL      | decimal               | decimal(12,2)     | false",
                "MYSQL      | datetime(6)           | datetime          | true",
                "MYSQL      | datetime              | datetime(6)       | false",
                "MYSQL      | float                 | double            | false",
            })
    void narrowing(Dialect dialect, String from, String to, boolean narrows) {
        String reason = TypeNarrowing.narrowing(from, to, dialect);
        assertEquals(narrows, reason != null, from + " -> " + to + ": " + reason);
        if (narrows) {
            assertTrue(reason.startsWith(from + " -> " + to + " "), reason);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"MYSQL | NAME", "POSTGRESQL | Name"})
    void mysqlColumnNamesIgnoreCaseInUsing(Dialect dialect, String column) {
        Operation.ChangeColumnType change =
                new Operation.ChangeColumnType(TableName.of("t"), column, "text", true, "upper(Name)");
        TypeChanges.Loss loss = TypeChanges.assess(change, null, dialect);
        assertEquals(dialect == MYSQL ? null : TypeChanges.Kind.DESTROYS, loss == null ? null : loss.kind());
    }
}
