package dev.migrationsafety.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each reader against its real database: every object kind is seen, and a change is named. */
class SnapshotReaderTest {

    private static SchemaSnapshot apply(ScratchDatabase db, Dialect dialect, String... ddl) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String s : ddl) {
                st.execute(s);
            }
            return SnapshotReader.forDialect(dialect).read(c);
        }
    }

    private static void assertHas(SchemaSnapshot s, ObjectKind kind, String name) {
        assertNotNull(
                s.get(kind, name),
                () -> kind.label() + " " + name + " not in " + s.objects().keySet());
    }

    @Test
    void postgresSeesEveryKind() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (ScratchDatabase db = ScratchDatabase.create(pg, ScratchSettings.defaults(), m -> {})) {
            SchemaSnapshot s = apply(
                    db,
                    Dialect.POSTGRESQL,
                    "CREATE EXTENSION IF NOT EXISTS pgcrypto",
                    "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                    "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')",
                    "CREATE SEQUENCE invoice_no INCREMENT 5",
                    "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, mail email NOT NULL,"
                            + " m mood DEFAULT 'ok', name varchar(64) UNIQUE, CONSTRAINT name_len CHECK"
                            + " (length(name) > 1))",
                    "CREATE TABLE api_tokens (id serial PRIMARY KEY, user_id bigint REFERENCES users(id) ON DELETE"
                            + " CASCADE, token varchar(64) NOT NULL, deleted_at timestamptz)",
                    "CREATE INDEX tokens_live_idx ON api_tokens (lower(token)) WHERE deleted_at IS NULL",
                    "CREATE VIEW live_tokens AS SELECT id, token FROM api_tokens WHERE deleted_at IS NULL",
                    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                    "CREATE TRIGGER tokens_touch BEFORE UPDATE ON api_tokens FOR EACH ROW EXECUTE FUNCTION touch()",
                    "CREATE TABLE flyway_schema_history (version text)");
            assertHas(s, ObjectKind.EXTENSION, "pgcrypto");
            assertEquals("sad, ok", s.get(ObjectKind.ENUM_TYPE, "mood").property("labels"));
            assertEquals("text", s.get(ObjectKind.DOMAIN, "email").property("type"));
            assertEquals("5", s.get(ObjectKind.SEQUENCE, "invoice_no").property("increment"));
            assertHas(s, ObjectKind.SEQUENCE, "api_tokens_id_seq");
            assertEquals("always", s.get(ObjectKind.COLUMN, "users.id").property("identity"));
            assertEquals(
                    "character varying(64)",
                    s.get(ObjectKind.COLUMN, "api_tokens.token").property("type"));
            assertEquals("no", s.get(ObjectKind.COLUMN, "api_tokens.token").property("nullable"));
            assertEquals("'ok'::mood", s.get(ObjectKind.COLUMN, "users.m").property("default"));
            assertEquals("id", s.get(ObjectKind.PRIMARY_KEY, "users.users_pkey").property("columns"));
            assertHas(s, ObjectKind.UNIQUE_KEY, "users.users_name_key");
            assertHas(s, ObjectKind.CHECK_CONSTRAINT, "users.name_len");
            SchemaObject fk = s.get(ObjectKind.FOREIGN_KEY, "api_tokens.api_tokens_user_id_fkey");
            assertEquals("CASCADE", fk.property("on delete"));
            assertEquals("users(id)", fk.property("references"));
            SchemaObject idx = s.get(ObjectKind.INDEX, "tokens_live_idx");
            assertEquals("lower(token::text)", idx.property("columns"));
            assertEquals("deleted_at IS NULL", idx.property("predicate"));
            assertHas(s, ObjectKind.VIEW, "live_tokens");
            assertHas(s, ObjectKind.FUNCTION, "touch()");
            assertHas(s, ObjectKind.TRIGGER, "api_tokens.tokens_touch");
            assertNull(s.get(ObjectKind.TABLE, "flyway_schema_history"));
            assertTrue(s.all().stream().noneMatch(o -> o.name().contains("digest")), "extension functions left out");
            assertEquals(List.of("id", "mail", "m", "name"), s.columnOrder().get("users"));

            SchemaSnapshot after = apply(
                    db,
                    Dialect.POSTGRESQL,
                    "DROP VIEW live_tokens",
                    "DROP INDEX tokens_live_idx",
                    "ALTER TABLE api_tokens ALTER token TYPE text");
            assertEquals(
                    List.of(
                            "column api_tokens.token: character varying(64) before, text after",
                            "index tokens_live_idx missing",
                            "view live_tokens missing"),
                    SnapshotDiff.compare(s, after).stream()
                            .map(Difference::describe)
                            .toList());
        }
    }

    @Test
    void mariaDbSeesEveryKind() throws SQLException {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        try (ScratchDatabase db = ScratchDatabase.create(maria, ScratchSettings.defaults(), m -> {})) {
            SchemaSnapshot s = apply(
                    db,
                    Dialect.MYSQL,
                    "CREATE SEQUENCE invoice_no INCREMENT 5",
                    "CREATE TABLE users (id bigint AUTO_INCREMENT PRIMARY KEY, mood ENUM('sad','ok') DEFAULT 'ok',"
                            + " name varchar(64) UNIQUE, CONSTRAINT name_len CHECK (length(name) > 1))",
                    "CREATE TABLE api_tokens (id int PRIMARY KEY, user_id bigint, token varchar(64) NOT NULL,"
                            + " CONSTRAINT tokens_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE)",
                    "CREATE INDEX tokens_token_idx ON api_tokens (token(10))",
                    "CREATE VIEW live_tokens AS SELECT id, token FROM api_tokens",
                    "CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC RETURN x * 2",
                    "CREATE TRIGGER tokens_touch BEFORE UPDATE ON api_tokens FOR EACH ROW SET NEW.token = NEW.token",
                    "CREATE TABLE flyway_schema_history (version text)");
            assertHas(s, ObjectKind.SEQUENCE, "invoice_no");
            assertEquals(
                    "enum('sad','ok')", s.get(ObjectKind.COLUMN, "users.mood").property("type"));
            assertEquals("'ok'", s.get(ObjectKind.COLUMN, "users.mood").property("default"));
            assertEquals("auto_increment", s.get(ObjectKind.COLUMN, "users.id").property("extra"));
            assertEquals(
                    "varchar(64)", s.get(ObjectKind.COLUMN, "api_tokens.token").property("type"));
            assertHas(s, ObjectKind.PRIMARY_KEY, "users.PRIMARY");
            assertHas(s, ObjectKind.UNIQUE_KEY, "users.name");
            assertHas(s, ObjectKind.CHECK_CONSTRAINT, "users.name_len");
            assertEquals(
                    "CASCADE",
                    s.get(ObjectKind.FOREIGN_KEY, "api_tokens.tokens_user_fk").property("on delete"));
            assertEquals(
                    "token(10)",
                    s.get(ObjectKind.INDEX, "api_tokens.tokens_token_idx").property("columns"));
            assertHas(s, ObjectKind.VIEW, "live_tokens");
            assertHas(s, ObjectKind.FUNCTION, "twice");
            assertHas(s, ObjectKind.TRIGGER, "api_tokens.tokens_touch");
            assertNull(s.get(ObjectKind.TABLE, "flyway_schema_history"));

            SchemaSnapshot after = apply(
                    db,
                    Dialect.MYSQL,
                    "DROP INDEX tokens_token_idx ON api_tokens",
                    "ALTER TABLE api_tokens MODIFY token text NOT NULL");
            assertEquals(
                    List.of(
                            "column api_tokens.token: varchar(64) before, text after",
                            "index api_tokens.tokens_token_idx missing"),
                    SnapshotDiff.compare(s, after).stream()
                            .map(Difference::describe)
                            .filter(d -> !d.startsWith("view") && !d.contains("collation"))
                            .toList());
        }
    }

    @Test
    void h2SeesEveryKindAndIgnoresGeneratedConstraintNames() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.create(
                ScratchDatabase.h2For(Dialect.POSTGRESQL), ScratchSettings.defaults(), m -> {})) {
            String[] ddl = {
                "CREATE DOMAIN email AS varchar(200) CHECK (POSITION('@' IN VALUE) > 0)",
                "CREATE SEQUENCE invoice_no INCREMENT BY 5",
                "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, mail email,"
                        + " name varchar(64) UNIQUE, CHECK (length(name) > 1))",
                "CREATE TABLE api_tokens (id int PRIMARY KEY, user_id bigint REFERENCES users(id) ON DELETE CASCADE,"
                        + " token varchar(64) NOT NULL DEFAULT 'x')",
                "CREATE INDEX tokens_token_idx ON api_tokens (token)",
                "CREATE VIEW live_tokens AS SELECT id, token FROM api_tokens",
                "CREATE ALIAS twice AS 'int twice(int x) { return x * 2; }'",
                "CREATE TABLE flyway_schema_history (version varchar(50))"
            };
            SchemaSnapshot s = apply(db, Dialect.H2, ddl);
            assertEquals("email", s.get(ObjectKind.COLUMN, "users.mail").property("type"));
            assertEquals(
                    "CHARACTER VARYING(200)", s.get(ObjectKind.DOMAIN, "email").property("type"));
            assertEquals("5", s.get(ObjectKind.SEQUENCE, "invoice_no").property("increment"));
            assertEquals("always", s.get(ObjectKind.COLUMN, "users.id").property("identity"));
            assertEquals("'x'", s.get(ObjectKind.COLUMN, "api_tokens.token").property("default"));
            // the compatibility modes name types in lower case: lengths must not be lost to that
            assertEquals(
                    "character varying(64)",
                    s.get(ObjectKind.COLUMN, "api_tokens.token").property("type"));
            assertHas(s, ObjectKind.PRIMARY_KEY, "users.(id)");
            assertHas(s, ObjectKind.UNIQUE_KEY, "users.(name)");
            assertEquals(
                    "CASCADE",
                    s.get(ObjectKind.FOREIGN_KEY, "api_tokens.(user_id)").property("on delete"));
            assertEquals("token", s.get(ObjectKind.INDEX, "tokens_token_idx").property("columns"));
            assertHas(s, ObjectKind.VIEW, "live_tokens");
            assertHas(s, ObjectKind.FUNCTION, "twice");
            assertNull(s.get(ObjectKind.TABLE, "flyway_schema_history"));
            assertEquals(1, s.ofKind(ObjectKind.CHECK_CONSTRAINT).size(), () -> s.objects()
                    .keySet()
                    .toString());

            SchemaSnapshot again = apply(
                    db,
                    Dialect.H2,
                    "DROP VIEW live_tokens",
                    "DROP TABLE api_tokens",
                    "DROP TABLE users",
                    "DROP TABLE flyway_schema_history",
                    "DROP ALIAS twice",
                    "DROP SEQUENCE invoice_no",
                    "DROP DOMAIN email");
            assertTrue(again.isEmpty(), () -> again.objects().keySet().toString());
            SchemaSnapshot reup = apply(db, Dialect.H2, ddl);
            assertEquals(List.of(), SnapshotDiff.compare(s, reup));
        }
    }
}
