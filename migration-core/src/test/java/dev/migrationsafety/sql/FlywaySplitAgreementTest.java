package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.mysql.MySQLParser;
import org.flywaydb.database.postgresql.PostgreSQLParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our splitter against the one that runs the migrations: Flyway 13's own PostgreSQL and MySQL parsers (an
 * internal API, used here only as an oracle) must find the same statements at the same lines in every splitting
 * fixture, except where we deliberately read like the database client instead.
 */
class FlywaySplitAgreementTest {

    /** Fixtures where Flyway differs on purpose, with why. */
    private static final Set<String> DIFFERENT_ON_PURPOSE = Set.of(
            // Flyway glues a psql command to the next statement and sends it to the server, where it fails; we
            // report the command instead (ClientCommand)
            "psql backslash commands are not statements",
            // Flyway reads `--1` as a comment even in MySQL, where it is `- -1` without the space MySQL requires
            "MySQL -- needs a space to be a comment",
            // Flyway has no MariaDB BEGIN NOT ATOMIC block outside routines
            "MariaDB BEGIN NOT ATOMIC block",
            // Flyway cuts an ALTER EVENT body at its first ';' and the server then rejects the first piece; we
            // keep the body whole as the mysql client does, so the DELETEs inside are analysed as a body
            "MySQL ALTER EVENT with a body");

    static Stream<Arguments> fixtures() {
        Stream<Arguments> realistic = Stream.of(
                Arguments.of("realistic PostgreSQL dump", Dialect.POSTGRESQL, SqlSplitterTest.REALISTIC_POSTGRESQL),
                Arguments.of("realistic MySQL dump", Dialect.MYSQL, SqlSplitterTest.REALISTIC_MYSQL));
        return Stream.concat(
                SqlSplitterTest.scripts()
                        .map(Arguments::get)
                        .filter(a -> a[1] == Dialect.POSTGRESQL || a[1] == Dialect.MYSQL)
                        .map(a -> Arguments.of(a[0], a[1], a[2])),
                realistic);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findsTheStatementsFlywayRuns(String name, Dialect dialect, String sql) throws Exception {
        assumeTrue(!DIFFERENT_ON_PURPOSE.contains(name), "differs from Flyway on purpose");
        List<Integer> ours = new SqlSplitter(dialect)
                .split("f.sql", sql).statements().stream()
                        .map(SqlStatement::line)
                        .toList();
        assertEquals(flywayLines(dialect, sql), ours);
    }

    static List<Integer> flywayLines(Dialect dialect, String sql) throws Exception {
        var configuration = Flyway.configure();
        Parser parser = dialect == Dialect.MYSQL
                ? new MySQLParser(configuration, new ParsingContext())
                : new PostgreSQLParser(configuration, new ParsingContext());
        List<Integer> lines = new ArrayList<>();
        // Flyway replaces placeholders before it splits; values are not known here, any name will do
        String replaced = sql.replaceAll("\\$\\{[^}\n]*}", "placeholder");
        try (SqlStatementIterator statements = parser.parse(new StringResource(replaced))) {
            while (statements.hasNext()) {
                lines.add(statements.next().getLineNumber());
            }
        }
        return lines;
    }
}
