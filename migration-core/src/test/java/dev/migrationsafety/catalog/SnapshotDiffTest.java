package dev.migrationsafety.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotDiffTest {

    private static SchemaSnapshot base() {
        return SchemaSnapshot.builder()
                .add(ObjectKind.EXTENSION, "pgcrypto", Map.of("version", "1.3"))
                .add(ObjectKind.ENUM_TYPE, "mood", Map.of("labels", "sad, ok, happy"))
                .add(ObjectKind.DOMAIN, "email", Map.of("type", "text", "check", "CHECK (VALUE ~ '@')"))
                .add(ObjectKind.SEQUENCE, "invoice_no", Map.of("type", "bigint", "increment", "1"))
                .add(ObjectKind.TABLE, "api_tokens", Map.of())
                .column("api_tokens", "id", Map.of("type", "bigint", "nullable", "no", "identity", "always"))
                .column("api_tokens", "token", Map.of("type", "varchar(64)", "nullable", "no"))
                .column("api_tokens", "note", Map.of("type", "text", "nullable", "yes"))
                .add(ObjectKind.PRIMARY_KEY, "api_tokens.api_tokens_pkey", Map.of("columns", "id"))
                .add(ObjectKind.UNIQUE_KEY, "api_tokens.api_tokens_token_key", Map.of("columns", "token"))
                .add(ObjectKind.CHECK_CONSTRAINT, "api_tokens.token_len", Map.of("definition", "length(token) > 8"))
                .add(
                        ObjectKind.FOREIGN_KEY,
                        "api_tokens.api_tokens_user_fk",
                        Map.of("columns", "id", "references", "users(id)", "on delete", "CASCADE"))
                .add(ObjectKind.INDEX, "crates_name_idx", Map.of("table", "crates", "columns", "lower(name)"))
                .add(ObjectKind.VIEW, "active_tokens", Map.of("definition", "SELECT id FROM api_tokens"))
                .add(ObjectKind.FUNCTION, "touch()", Map.of("returns", "trigger", "body", "BEGIN RETURN NEW; END"))
                .add(ObjectKind.TRIGGER, "api_tokens.touch_tokens", Map.of("definition", "BEFORE UPDATE"))
                .build();
    }

    @Test
    void identicalSnapshotsHaveNoDifference() {
        assertEquals(List.of(), SnapshotDiff.compare(base(), base()));
    }

    static Stream<Arguments> everyKindMissing() {
        return Stream.of(
                Arguments.of(ObjectKind.EXTENSION, "pgcrypto", "extension pgcrypto missing"),
                Arguments.of(ObjectKind.ENUM_TYPE, "mood", "enum type mood missing"),
                Arguments.of(ObjectKind.DOMAIN, "email", "domain email missing"),
                Arguments.of(ObjectKind.SEQUENCE, "invoice_no", "sequence invoice_no missing"),
                Arguments.of(ObjectKind.TABLE, "api_tokens", "table api_tokens missing"),
                Arguments.of(ObjectKind.COLUMN, "api_tokens.note", "column api_tokens.note missing"),
                Arguments.of(
                        ObjectKind.PRIMARY_KEY,
                        "api_tokens.api_tokens_pkey",
                        "primary key api_tokens.api_tokens_pkey missing"),
                Arguments.of(
                        ObjectKind.UNIQUE_KEY,
                        "api_tokens.api_tokens_token_key",
                        "unique key api_tokens.api_tokens_token_key missing"),
                Arguments.of(
                        ObjectKind.CHECK_CONSTRAINT,
                        "api_tokens.token_len",
                        "check constraint api_tokens.token_len missing"),
                Arguments.of(
                        ObjectKind.FOREIGN_KEY,
                        "api_tokens.api_tokens_user_fk",
                        "foreign key api_tokens.api_tokens_user_fk missing"),
                Arguments.of(ObjectKind.INDEX, "crates_name_idx", "index crates_name_idx missing"),
                Arguments.of(ObjectKind.VIEW, "active_tokens", "view active_tokens missing"),
                Arguments.of(ObjectKind.FUNCTION, "touch()", "function touch() missing"),
                Arguments.of(ObjectKind.TRIGGER, "api_tokens.touch_tokens", "trigger api_tokens.touch_tokens missing"));
    }

    @ParameterizedTest
    @MethodSource("everyKindMissing")
    void namesEachMissingObject(ObjectKind kind, String name, String expected) {
        SchemaSnapshot without = without(base(), kind, name);
        List<Difference> diff = SnapshotDiff.compare(base(), without);
        assertEquals(List.of(expected), diff.stream().map(Difference::describe).toList());
        List<Difference> reverse = SnapshotDiff.compare(without, base());
        assertEquals(
                List.of(expected.replace(" missing", " present but not expected")),
                reverse.stream().map(Difference::describe).toList());
    }

    static Stream<Arguments> everyKindChanged() {
        return Stream.of(
                Arguments.of(
                        ObjectKind.EXTENSION,
                        "pgcrypto",
                        "version",
                        "1.4",
                        "extension pgcrypto: version 1.3 before, 1.4 after"),
                Arguments.of(
                        ObjectKind.ENUM_TYPE,
                        "mood",
                        "labels",
                        "sad, happy",
                        "enum type mood: labels sad, ok, happy before, sad, happy after"),
                Arguments.of(
                        ObjectKind.DOMAIN,
                        "email",
                        "check",
                        null,
                        "domain email: check CHECK (VALUE ~ '@') before, none after"),
                Arguments.of(
                        ObjectKind.SEQUENCE,
                        "invoice_no",
                        "increment",
                        "10",
                        "sequence invoice_no: increment 1 before, 10 after"),
                Arguments.of(
                        ObjectKind.COLUMN,
                        "api_tokens.token",
                        "type",
                        "text",
                        "column api_tokens.token: varchar(64) before, text after"),
                Arguments.of(
                        ObjectKind.COLUMN,
                        "api_tokens.token",
                        "nullable",
                        "yes",
                        "column api_tokens.token: nullable no before, yes after"),
                Arguments.of(
                        ObjectKind.COLUMN,
                        "api_tokens.token",
                        "default",
                        "'x'",
                        "column api_tokens.token: default none before, 'x' after"),
                Arguments.of(
                        ObjectKind.COLUMN,
                        "api_tokens.id",
                        "identity",
                        null,
                        "column api_tokens.id: identity always before, none after"),
                Arguments.of(
                        ObjectKind.PRIMARY_KEY,
                        "api_tokens.api_tokens_pkey",
                        "columns",
                        "id, token",
                        "primary key api_tokens.api_tokens_pkey: columns id before, id, token after"),
                Arguments.of(
                        ObjectKind.UNIQUE_KEY,
                        "api_tokens.api_tokens_token_key",
                        "columns",
                        "note",
                        "unique key api_tokens.api_tokens_token_key: columns token before, note after"),
                Arguments.of(
                        ObjectKind.CHECK_CONSTRAINT,
                        "api_tokens.token_len",
                        "definition",
                        "length(token) > 4",
                        "check constraint api_tokens.token_len: length(token) > 8 before, length(token) > 4 after"),
                Arguments.of(
                        ObjectKind.FOREIGN_KEY,
                        "api_tokens.api_tokens_user_fk",
                        "on delete",
                        "NO ACTION",
                        "foreign key api_tokens.api_tokens_user_fk: on delete CASCADE before, NO ACTION after"),
                Arguments.of(
                        ObjectKind.INDEX,
                        "crates_name_idx",
                        "unique",
                        "yes",
                        "index crates_name_idx: unique none before, yes after"),
                Arguments.of(
                        ObjectKind.INDEX,
                        "crates_name_idx",
                        "predicate",
                        "deleted_at IS NULL",
                        "index crates_name_idx: predicate none before, deleted_at IS NULL after"),
                Arguments.of(
                        ObjectKind.VIEW,
                        "active_tokens",
                        "definition",
                        "SELECT id, token FROM api_tokens",
                        "view active_tokens: SELECT id FROM api_tokens before, SELECT id, token FROM api_tokens after"),
                Arguments.of(
                        ObjectKind.FUNCTION,
                        "touch()",
                        "returns",
                        "void",
                        "function touch(): returns trigger before, void after"),
                Arguments.of(
                        ObjectKind.TRIGGER,
                        "api_tokens.touch_tokens",
                        "definition",
                        "AFTER UPDATE",
                        "trigger api_tokens.touch_tokens: BEFORE UPDATE before, AFTER UPDATE after"));
    }

    @ParameterizedTest
    @MethodSource("everyKindChanged")
    void namesEachChangedProperty(ObjectKind kind, String name, String property, String value, String expected) {
        SchemaSnapshot changed = with(base(), kind, name, property, value);
        List<Difference> diff = SnapshotDiff.compare(base(), changed);
        assertEquals(List.of(expected), diff.stream().map(Difference::describe).toList());
        assertEquals(Difference.Change.CHANGED, diff.get(0).change());
        assertEquals(property, diff.get(0).property());
    }

    @Test
    void columnOrderIsReportedApartFromRealDifferences() {
        SchemaSnapshot reordered = SchemaSnapshot.builder()
                .add(ObjectKind.TABLE, "t", Map.of())
                .column("t", "a", Map.of("type", "int"))
                .column("t", "c", Map.of("type", "text"))
                .column("t", "b", Map.of("type", "text"))
                .build();
        SchemaSnapshot original = SchemaSnapshot.builder()
                .add(ObjectKind.TABLE, "t", Map.of())
                .column("t", "a", Map.of("type", "int"))
                .column("t", "b", Map.of("type", "text"))
                .column("t", "c", Map.of("type", "text"))
                .build();
        List<Difference> diff = SnapshotDiff.compare(original, reordered);
        assertEquals(1, diff.size());
        assertTrue(diff.get(0).isColumnOrder());
        assertEquals(
                "column order of table t: (a, b, c) before, (a, c, b) after",
                diff.get(0).describe());
    }

    @Test
    void aMissingColumnIsNotAlsoAnOrderDifference() {
        SchemaSnapshot fewer = without(base(), ObjectKind.COLUMN, "api_tokens.note");
        assertTrue(SnapshotDiff.compare(base(), fewer).stream().noneMatch(Difference::isColumnOrder));
    }

    @Test
    void differencesAreListedByKindThenName() {
        SchemaSnapshot changed =
                without(without(base(), ObjectKind.VIEW, "active_tokens"), ObjectKind.EXTENSION, "pgcrypto");
        List<Difference> diff = SnapshotDiff.compare(base(), changed);
        assertEquals(
                List.of(ObjectKind.EXTENSION, ObjectKind.VIEW),
                diff.stream().map(Difference::kind).toList());
    }

    private static SchemaSnapshot without(SchemaSnapshot s, ObjectKind kind, String name) {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        for (SchemaObject o : s.all()) {
            if (!(o.kind() == kind && o.name().equals(name))) {
                if (o.kind() == ObjectKind.COLUMN) {
                    continue;
                }
                b.add(o);
            }
        }
        s.columnOrder()
                .forEach((table, cols) -> cols.forEach(c -> {
                    SchemaObject col = s.get(ObjectKind.COLUMN, table + "." + c);
                    if (!(kind == ObjectKind.COLUMN && col.name().equals(name))) {
                        b.column(table, c, col.properties());
                    }
                }));
        return b.build();
    }

    private static SchemaSnapshot with(SchemaSnapshot s, ObjectKind kind, String name, String property, String value) {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        for (SchemaObject o : s.all()) {
            if (o.kind() == ObjectKind.COLUMN) {
                continue;
            }
            b.add(o.kind() == kind && o.name().equals(name) ? changed(o, property, value) : o);
        }
        s.columnOrder()
                .forEach((table, cols) -> cols.forEach(c -> {
                    SchemaObject col = s.get(ObjectKind.COLUMN, table + "." + c);
                    b.column(
                            table,
                            c,
                            (kind == ObjectKind.COLUMN && col.name().equals(name) ? changed(col, property, value) : col)
                                    .properties());
                }));
        return b.build();
    }

    private static SchemaObject changed(SchemaObject o, String property, String value) {
        java.util.Map<String, String> props = new java.util.HashMap<>(o.properties());
        props.put(property, value);
        return new SchemaObject(o.kind(), o.name(), props);
    }
}
