package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every destructive statement, rewritten the ways real migrations write it (case, quotes, schema, comments between
 * tokens, blank lines, a statement before it on the same line, inside a multi-clause ALTER, a DO block or a
 * function body), must still yield its destructive operation.
 */
class DestructiveMutationTest {
    private static final SqlAnalysis ANALYSIS = new SqlAnalysis();

    /** A destructive statement with {@code {t}} standing for the table name, and what must be found. */
    private record Base(String label, String sql, Predicate<Operation> found) {}

    private static boolean users(TableName t) {
        return t.name().equalsIgnoreCase("users");
    }

    private static List<Base> bases() {
        return List.of(
                new Base("drop-table", "DROP TABLE {t}", o -> o instanceof Operation.DropTable d && users(d.table())),
                new Base(
                        "drop-column",
                        "ALTER TABLE {t} DROP COLUMN email",
                        o -> o instanceof Operation.DropColumn d
                                && users(d.table())
                                && d.column().equalsIgnoreCase("email")),
                new Base(
                        "truncate",
                        "TRUNCATE {t}",
                        o -> o instanceof Operation.Truncate d
                                && d.tables().stream().anyMatch(DestructiveMutationTest::users)),
                new Base(
                        "delete-without-where",
                        "DELETE FROM {t}",
                        o -> o instanceof Operation.Delete d && users(d.table()) && !d.hasWhere()),
                new Base(
                        "update-without-where",
                        "UPDATE {t} SET active = false",
                        o -> o instanceof Operation.Update d && users(d.table()) && !d.hasWhere()),
                new Base(
                        "cascade",
                        "DROP TABLE {t} CASCADE",
                        o -> o instanceof Operation.DropTable d && users(d.table()) && d.cascade()),
                new Base(
                        "drop-type",
                        "DROP TYPE {t}",
                        o -> o instanceof Operation.DropObject d
                                && d.kind() == Operation.ObjectKind.TYPE
                                && users(d.name())),
                new Base(
                        "drop-schema",
                        "DROP SCHEMA {t} CASCADE",
                        o -> o instanceof Operation.DropObject d
                                && d.kind() == Operation.ObjectKind.SCHEMA
                                && users(d.name())));
    }

    private static List<UnaryOperator<String>> names() {
        return List.of(
                s -> s.replace("{t}", "users"),
                s -> s.replace("{t}", "USERS"),
                s -> s.replace("{t}", "\"users\""),
                s -> s.replace("{t}", "app.users"),
                s -> s.replace("{t}", "\"app\".\"users\""));
    }

    private static List<Arguments> forms(String label, String sql) {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(label + " as is", sql));
        out.add(Arguments.of(label + " lower case", sql.toLowerCase(Locale.ROOT)));
        out.add(Arguments.of(label + " comments between tokens", String.join(" /* note; */ ", sql.split(" "))));
        out.add(Arguments.of(label + " line comments between tokens", String.join(" -- x;\n", sql.split(" "))));
        out.add(Arguments.of(label + " blank lines between tokens", String.join("\n\n\n\n", sql.split(" "))));
        out.add(Arguments.of(label + " after another statement on the line", "SELECT 1; " + sql + "; SELECT 2"));
        out.add(Arguments.of(label + " in a DO block", "DO $$ BEGIN " + sql + "; END $$"));
        out.add(Arguments.of(
                label + " in a function body",
                "CREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $fn$ BEGIN IF true THEN " + sql
                        + "; END IF; END; $fn$"));
        out.add(Arguments.of(
                label + " in an EXECUTE of a constant",
                "DO $$ BEGIN EXECUTE '" + sql.replace("'", "''") + "'; END $$"));
        return out;
    }

    static Stream<Arguments> mutations() {
        List<Arguments> all = new ArrayList<>();
        for (Base base : bases()) {
            for (UnaryOperator<String> name : names()) {
                String sql = name.apply(base.sql());
                for (Arguments a : forms(base.label(), sql)) {
                    all.add(Arguments.of(base, a.get()[0], a.get()[1]));
                }
            }
        }
        // inside a multi-clause ALTER, next to clauses JSqlParser cannot read
        Base dropColumn = bases().get(1);
        for (String alter : List.of(
                "ALTER TABLE users ADD COLUMN local boolean, DROP COLUMN email, ALTER COLUMN a SET DATA TYPE bigint",
                "ALTER TABLE users ADD CONSTRAINT c CHECK (a > 0) NOT VALID, DROP COLUMN email",
                "ALTER TABLE users DROP CONSTRAINT fk, DROP email CASCADE",
                "alter table \"users\" alter column a type text using a::text, drop column \"email\"")) {
            all.add(Arguments.of(dropColumn, "drop-column in a multi-clause ALTER", alter));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("mutations")
    void theDestructiveOperationIsFound(Base base, String label, String sql) {
        FileAnalysis file = ANALYSIS.analyze("V1__m.sql", sql, Dialect.POSTGRESQL);
        List<Operation> ops =
                file.statements().stream().flatMap(s -> s.operations().stream()).toList();
        assertTrue(ops.stream().anyMatch(base.found()), () -> label + " lost in " + ops);
    }
}
