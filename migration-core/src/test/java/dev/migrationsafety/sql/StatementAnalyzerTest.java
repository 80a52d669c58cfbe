package dev.migrationsafety.sql;

import static dev.migrationsafety.sql.Dialect.H2;
import static dev.migrationsafety.sql.Dialect.MYSQL;
import static dev.migrationsafety.sql.Dialect.POSTGRESQL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.sql.Operation.AddColumn;
import dev.migrationsafety.sql.Operation.AddConstraint;
import dev.migrationsafety.sql.Operation.AlterObject;
import dev.migrationsafety.sql.Operation.ChangeColumnType;
import dev.migrationsafety.sql.Operation.ConstraintKind;
import dev.migrationsafety.sql.Operation.CreateIndex;
import dev.migrationsafety.sql.Operation.CreateObject;
import dev.migrationsafety.sql.Operation.CreateTable;
import dev.migrationsafety.sql.Operation.Delete;
import dev.migrationsafety.sql.Operation.DropColumn;
import dev.migrationsafety.sql.Operation.DropConstraint;
import dev.migrationsafety.sql.Operation.DropDefault;
import dev.migrationsafety.sql.Operation.DropIndex;
import dev.migrationsafety.sql.Operation.DropNotNull;
import dev.migrationsafety.sql.Operation.DropObject;
import dev.migrationsafety.sql.Operation.DropTable;
import dev.migrationsafety.sql.Operation.Grant;
import dev.migrationsafety.sql.Operation.Insert;
import dev.migrationsafety.sql.Operation.ObjectKind;
import dev.migrationsafety.sql.Operation.RenameColumn;
import dev.migrationsafety.sql.Operation.RenameObject;
import dev.migrationsafety.sql.Operation.RenameTable;
import dev.migrationsafety.sql.Operation.ServerAccess;
import dev.migrationsafety.sql.Operation.ServerSide;
import dev.migrationsafety.sql.Operation.SetDefault;
import dev.migrationsafety.sql.Operation.SetNotNull;
import dev.migrationsafety.sql.Operation.Truncate;
import dev.migrationsafety.sql.Operation.Update;
import dev.migrationsafety.sql.Operation.ValidateConstraint;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One statement in, the exact operations out: the constructs of real migrations in each dialect. */
class StatementAnalyzerTest {
    private static final StatementAnalyzer ANALYZER = new StatementAnalyzer();

    static List<Operation> analyze(Dialect dialect, String sql) {
        return ANALYZER.analyze(new SqlStatement("V1__x.sql", 1, 1, sql, dialect, 0, List.of()), dialect)
                .operations();
    }

    private static TableName t(String name) {
        return TableName.of(name);
    }

    private static TableName t(String schema, String name) {
        return new TableName(schema, name);
    }

    private static ColumnDef col(String name, String type, boolean notNull, boolean hasDefault) {
        return new ColumnDef(name, type, notNull, hasDefault, false, false, null);
    }

    private static Arguments c(Dialect dialect, String sql, Operation... expected) {
        return Arguments.of(dialect, sql, List.of(expected));
    }

    static Stream<Arguments> cases() {
        ForeignKeyDef usersFk =
                new ForeignKeyDef("orders_user_fk", List.of("user_id"), t("users"), List.of("id"), null, null, true);
        ForeignKeyDef inlineFk =
                new ForeignKeyDef(null, List.of("user_id"), t("users"), List.of("id"), "CASCADE", null, false);
        return Stream.of(
                // ---- drops, names folded per dialect, quoted and schema-qualified
                c(POSTGRESQL, "DROP TABLE users", new DropTable(t("users"), false, false)),
                c(POSTGRESQL, "drop table USERS", new DropTable(t("users"), false, false)),
                c(POSTGRESQL, "DROP TABLE \"Users\"", new DropTable(t("Users"), false, false)),
                c(POSTGRESQL, "DROP TABLE IF EXISTS app.users CASCADE", new DropTable(t("app", "users"), true, true)),
                c(POSTGRESQL, "DROP /* why */ TABLE -- note\n users", new DropTable(t("users"), false, false)),
                c(
                        POSTGRESQL,
                        "DROP TABLE a, b",
                        new DropTable(t("a"), false, false),
                        new DropTable(t("b"), false, false)),
                c(H2, "DROP TABLE users", new DropTable(t("USERS"), false, false)),
                c(H2, "DROP TABLE \"users\"", new DropTable(t("users"), false, false)),
                c(MYSQL, "DROP TABLE `Shop`.`Users`", new DropTable(t("Shop", "Users"), false, false)),
                c(MYSQL, "DROP TABLE Users # gone\n", new DropTable(t("Users"), false, false)),
                c(
                        POSTGRESQL,
                        "DROP SCHEMA legacy CASCADE",
                        new DropObject(ObjectKind.SCHEMA, t("legacy"), false, true)),
                c(MYSQL, "DROP DATABASE shop", new DropObject(ObjectKind.DATABASE, t("shop"), false, false)),
                c(POSTGRESQL, "DROP TYPE mood", new DropObject(ObjectKind.TYPE, t("mood"), false, false)),
                c(
                        POSTGRESQL,
                        "DROP TYPE IF EXISTS public.mood CASCADE",
                        new DropObject(ObjectKind.TYPE, t("public", "mood"), true, true)),
                c(POSTGRESQL, "DROP VIEW v_orders", new DropObject(ObjectKind.VIEW, t("v_orders"), false, false)),
                c(
                        POSTGRESQL,
                        "DROP MATERIALIZED VIEW mv",
                        new DropObject(ObjectKind.MATERIALIZED_VIEW, t("mv"), false, false)),
                c(
                        POSTGRESQL,
                        "DROP FUNCTION IF EXISTS f(integer, text)",
                        new DropObject(ObjectKind.FUNCTION, t("f"), true, false)),
                c(POSTGRESQL, "DROP TRIGGER trg ON orders", new DropObject(ObjectKind.TRIGGER, t("trg"), false, false)),
                c(POSTGRESQL, "DROP SEQUENCE s", new DropObject(ObjectKind.SEQUENCE, t("s"), false, false)),
                c(
                        POSTGRESQL,
                        "DROP EXTENSION IF EXISTS pgcrypto",
                        new DropObject(ObjectKind.EXTENSION, t("pgcrypto"), true, false)),
                // ---- indexes
                c(POSTGRESQL, "DROP INDEX CONCURRENTLY idx_a", new DropIndex(null, "idx_a", true, false, false)),
                c(
                        POSTGRESQL,
                        "DROP INDEX CONCURRENTLY IF EXISTS idx_users_email",
                        new DropIndex(null, "idx_users_email", true, true, false)),
                c(POSTGRESQL, "DROP INDEX idx_a", new DropIndex(null, "idx_a", false, false, false)),
                c(MYSQL, "DROP INDEX idx_a ON orders", new DropIndex(t("orders"), "idx_a", false, false, false)),
                c(
                        POSTGRESQL,
                        "CREATE INDEX CONCURRENTLY idx_lower ON users (lower(name::text))",
                        new CreateIndex(
                                t("users"), "idx_lower", List.of("lower ( name :: text )"), false, true, false)),
                c(
                        POSTGRESQL,
                        "CREATE UNIQUE INDEX users_email ON users (email)",
                        new CreateIndex(t("users"), "users_email", List.of("email"), true, false, false)),
                c(
                        POSTGRESQL,
                        "CREATE INDEX IF NOT EXISTS i ON app.t USING gin (tags)",
                        new CreateIndex(t("app", "t"), "i", List.of("tags"), false, false, true)),
                c(
                        H2,
                        "CREATE INDEX idx ON orders(user_id)",
                        new CreateIndex(t("ORDERS"), "IDX", List.of("USER_ID"), false, false, false)),
                // ---- data
                c(POSTGRESQL, "DELETE FROM t\n\n\nWHERE id = 1", new Delete(t("t"), true)),
                c(POSTGRESQL, "DELETE FROM t", new Delete(t("t"), false)),
                c(POSTGRESQL, "DELETE FROM t USING (SELECT id FROM u WHERE u.x) q", new Delete(t("t"), false)),
                c(POSTGRESQL, "DELETE FROM t WHERE id IN (SELECT id FROM u)", new Delete(t("t"), true)),
                c(POSTGRESQL, "UPDATE accounts SET active = false", new Update(t("accounts"), false)),
                c(POSTGRESQL, "UPDATE accounts SET flag = (SELECT 1 FROM x WHERE y)", new Update(t("accounts"), false)),
                c(
                        POSTGRESQL,
                        "UPDATE accounts SET active = false\n\n\n\nWHERE id = 3",
                        new Update(t("accounts"), true)),
                c(MYSQL, "DELETE LOW_PRIORITY FROM `logs`", new Delete(t("logs"), false)),
                c(
                        POSTGRESQL,
                        "WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone",
                        new Delete(t("t"), false)),
                c(
                        POSTGRESQL,
                        "TRUNCATE TABLE a, b RESTART IDENTITY CASCADE",
                        new Truncate(List.of(t("a"), t("b")), true)),
                c(MYSQL, "TRUNCATE sessions", new Truncate(List.of(t("sessions")), false)),
                c(POSTGRESQL, "INSERT INTO ${schema}.t (a) VALUES (1)", new Insert(t("${schema}", "t"))),
                c(POSTGRESQL, "SELECT 1"),
                c(POSTGRESQL, "COMMENT ON TABLE users IS 'a;b'"),
                c(POSTGRESQL, "GRANT SELECT ON t TO app", new Grant(List.of("SELECT"), "t", List.of("app"))),
                c(MYSQL, "LOCK TABLES orders WRITE"),
                c(MYSQL, "UNLOCK TABLES"),
                c(MYSQL, "SET FOREIGN_KEY_CHECKS = 0"),
                // ---- ALTER TABLE, clause by clause
                c(
                        POSTGRESQL,
                        "ALTER TABLE orders DROP COLUMN legacy, ADD COLUMN note text,"
                                + " ALTER COLUMN total SET DATA TYPE numeric(12,2)",
                        new DropColumn(t("orders"), "legacy", false),
                        new AddColumn(t("orders"), col("note", "text", false, false)),
                        new ChangeColumnType(t("orders"), "total", "numeric(12,2)", false)),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID, DROP COLUMN secret",
                        new AddConstraint(t("t"), "c", ConstraintKind.CHECK, List.of(), null, true),
                        new DropColumn(t("t"), "secret", false)),
                c(POSTGRESQL, "ALTER TABLE t DROP COLUMN IF EXISTS a CASCADE", new DropColumn(t("t"), "a", true)),
                c(POSTGRESQL, "ALTER TABLE t DROP a", new DropColumn(t("t"), "a", false)),
                c(POSTGRESQL, "ALTER TABLE t DROP COLUMN local", new DropColumn(t("t"), "local", false)),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t DROP COLUMN read, DROP COLUMN path",
                        new DropColumn(t("t"), "read", false),
                        new DropColumn(t("t"), "path", false)),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t ADD COLUMN locked boolean NOT NULL",
                        new AddColumn(t("t"), col("locked", "boolean", true, false))),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t ADD COLUMN action text NOT NULL DEFAULT 'none'",
                        new AddColumn(t("t"), col("action", "text", true, true))),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t ADD COLUMN comments text",
                        new AddColumn(t("t"), col("comments", "text", false, false))),
                c(
                        POSTGRESQL,
                        "ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id)"
                                + " REFERENCES users (id) NOT VALID",
                        new AddConstraint(
                                t("public", "orders"),
                                "orders_user_fk",
                                ConstraintKind.FOREIGN_KEY,
                                List.of("user_id"),
                                usersFk,
                                true)),
                c(
                        POSTGRESQL,
                        "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk",
                        new ValidateConstraint(t("orders"), "orders_user_fk")),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t ALTER COLUMN a TYPE bigint USING a::bigint",
                        new ChangeColumnType(t("t"), "a", "bigint", true, "a :: bigint")),
                c(
                        POSTGRESQL,
                        "ALTER TABLE ONLY t ADD CONSTRAINT t_a_not_null NOT NULL a",
                        new AddConstraint(t("t"), "t_a_not_null", ConstraintKind.NOT_NULL, List.of("a"), null, false),
                        new SetNotNull(t("t"), "a")),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t ADD CHECK (a > 0)",
                        new AddConstraint(t("t"), null, ConstraintKind.CHECK, List.of(), null, false)),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t ADD CONSTRAINT u_t UNIQUE (a) DEFERRABLE INITIALLY DEFERRED",
                        new AddConstraint(t("t"), "u_t", ConstraintKind.UNIQUE, List.of("a"), null, false)),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN b DROP NOT NULL,"
                                + " ALTER COLUMN c SET DEFAULT 0, ALTER COLUMN d DROP DEFAULT",
                        new SetNotNull(t("t"), "a"),
                        new DropNotNull(t("t"), "b"),
                        new SetDefault(t("t"), "c"),
                        new DropDefault(t("t"), "d")),
                c(
                        POSTGRESQL,
                        "ALTER TABLE t DROP CONSTRAINT IF EXISTS t_pkey CASCADE",
                        new DropConstraint(t("t"), "t_pkey", ConstraintKind.UNKNOWN, true, true)),
                c(
                        POSTGRESQL,
                        "ALTER TABLE \"Users\" RENAME COLUMN \"Email\" TO email",
                        new RenameColumn(t("Users"), "Email", "email")),
                c(
                        POSTGRESQL,
                        "ALTER TABLE app.users RENAME TO members",
                        new RenameTable(t("app", "users"), t("app", "members"))),
                c(POSTGRESQL, "ALTER TABLE t OWNER TO app"),
                c(POSTGRESQL, "ALTER TABLE t ENABLE ROW LEVEL SECURITY"),
                c(
                        MYSQL,
                        "ALTER TABLE orders DROP FOREIGN KEY fk_orders_user",
                        new DropConstraint(t("orders"), "fk_orders_user", ConstraintKind.FOREIGN_KEY, false, false)),
                c(
                        MYSQL,
                        "ALTER TABLE orders ADD (CONSTRAINT fk_o FOREIGN KEY (user_id) REFERENCES users (id))",
                        new AddConstraint(
                                t("orders"),
                                "fk_o",
                                ConstraintKind.FOREIGN_KEY,
                                List.of("user_id"),
                                new ForeignKeyDef(
                                        "fk_o", List.of("user_id"), t("users"), List.of("id"), null, null, false),
                                false)),
                c(
                        MYSQL,
                        "ALTER TABLE `Orders` MODIFY `total` DECIMAL(12,2) NOT NULL, CHANGE COLUMN old_name new_name VARCHAR(64)",
                        new ChangeColumnType(t("Orders"), "total", "DECIMAL(12,2)", false),
                        new SetNotNull(t("Orders"), "total"),
                        new RenameColumn(t("Orders"), "old_name", "new_name"),
                        new ChangeColumnType(t("Orders"), "new_name", "VARCHAR(64)", false)),
                c(
                        MYSQL,
                        "ALTER TABLE t ADD INDEX idx_b (b), ADD UNIQUE KEY uk_c (c)",
                        new CreateIndex(t("t"), "idx_b", List.of("b"), false, false, false),
                        new AddConstraint(t("t"), "uk_c", ConstraintKind.UNIQUE, List.of("c"), null, false)),
                c(
                        MYSQL,
                        "ALTER TABLE t DROP INDEX idx_b, DROP PRIMARY KEY",
                        new DropIndex(t("t"), "idx_b", false, false, false),
                        new DropConstraint(t("t"), null, ConstraintKind.PRIMARY_KEY, false, false)),
                c(
                        MYSQL,
                        "RENAME TABLE a TO b, c TO d",
                        new RenameTable(t("a"), t("b")),
                        new RenameTable(t("c"), t("d"))),
                c(
                        H2,
                        "ALTER TABLE orders ALTER COLUMN total DECIMAL(12,2) NOT NULL",
                        new ChangeColumnType(t("ORDERS"), "TOTAL", "DECIMAL(12,2)", false),
                        new SetNotNull(t("ORDERS"), "TOTAL")),
                c(H2, "ALTER TABLE orders ALTER COLUMN total SET NULL", new DropNotNull(t("ORDERS"), "TOTAL")),
                c(
                        H2,
                        "ALTER TABLE orders ALTER COLUMN total RENAME TO amount",
                        new RenameColumn(t("ORDERS"), "TOTAL", "AMOUNT")),
                c(
                        H2,
                        "ALTER TABLE orders ALTER COLUMN total SET DATA TYPE bigint",
                        new ChangeColumnType(t("ORDERS"), "TOTAL", "bigint", false)),
                c(H2, "DELETE FROM orders WHERE id < 10", new Delete(t("ORDERS"), true)),
                c(H2, "ALTER TABLE orders DROP COLUMN note", new DropColumn(t("ORDERS"), "NOTE", false)),
                c(
                        H2,
                        "ALTER TABLE orders ADD COLUMN note VARCHAR(20) DEFAULT '' NOT NULL",
                        new AddColumn(t("ORDERS"), col("NOTE", "VARCHAR(20)", true, true))),
                c(
                        MYSQL,
                        "ALTER TABLE t ADD COLUMN c INT NOT NULL AFTER b",
                        new AddColumn(t("t"), col("c", "INT", true, false))),
                c(
                        MYSQL,
                        "ALTER TABLE t ADD COLUMN c INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'x'",
                        new AddColumn(t("t"), col("c", "INT UNSIGNED", true, true))),
                c(MYSQL, "ALTER TABLE t ENGINE = InnoDB"),
                c(MYSQL, "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"),
                c(MYSQL, "/*!40101 SET NAMES utf8 */"),
                c(MYSQL, "/*!50001 DROP TABLE IF EXISTS `v` */", new DropTable(t("v"), true, false)),
                c(POSTGRESQL, "ALTER TABLE t SET SCHEMA archive", new RenameTable(t("t"), t("archive", "t"))),
                c(POSTGRESQL, "UPDATE t SET a = 1 FROM u WHERE t.id = u.id", new Update(t("t"), true)),
                c(POSTGRESQL, "DELETE FROM ONLY t WHERE CURRENT OF c", new Delete(t("t"), true)),
                c(
                        MYSQL,
                        "DELETE u FROM users u JOIN teams t ON t.id = u.team_id WHERE t.gone = 1",
                        new Delete(t("users"), true)),
                c(MYSQL, "DELETE u FROM users u JOIN teams t ON t.id = u.team_id", new Delete(t("users"), false)),
                c(
                        MYSQL,
                        "CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS select 1",
                        new CreateObject(ObjectKind.VIEW, t("v"), true)),
                c(
                        MYSQL,
                        "CREATE INDEX idx_y ON users (y(10), z) USING BTREE",
                        new CreateIndex(t("users"), "idx_y", List.of("y", "z"), false, false, false)),
                c(
                        MYSQL,
                        "ALTER TABLE users DROP PARTITION p1",
                        new Operation.DropPartition(t("users"), List.of("p1"), false)),
                c(
                        MYSQL,
                        "ALTER TABLE users ALGORITHM=INPLACE, LOCK=NONE, ADD INDEX idx_x (x)",
                        new CreateIndex(t("users"), "idx_x", List.of("x"), false, false, false)),
                c(
                        POSTGRESQL,
                        "CREATE TABLE s.a (status s.mood DEFAULT 'ok'::s.mood, tags text[])",
                        new CreateTable(
                                t("s", "a"),
                                List.of(col("status", "s.mood", false, true), col("tags", "text[]", false, false)),
                                List.of(),
                                List.of(),
                                List.of(),
                                false)),
                c(POSTGRESQL, "ALTER TABLE ONLY accounts ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY"),
                c(
                        POSTGRESQL,
                        "ALTER TABLE events DETACH PARTITION part_2023",
                        new Operation.DetachPartition(t("events"), t("part_2023"))),
                c(POSTGRESQL, "ALTER INDEX index_accounts_on_email RENAME TO idx_email"),
                c(POSTGRESQL, "SET statement_timeout = 0"),
                c(POSTGRESQL, "SELECT pg_catalog.set_config('search_path', '', false)"),
                c(POSTGRESQL, "EXPLAIN ANALYZE DELETE FROM sessions", new Delete(t("sessions"), false)),
                c(POSTGRESQL, "EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET a = 1", new Update(t("t"), false)),
                c(POSTGRESQL, "EXPLAIN DELETE FROM sessions"),
                c(
                        MYSQL,
                        "LOAD DATA LOCAL INFILE 'x.csv' INTO TABLE imports FIELDS TERMINATED BY ','",
                        new Insert(t("imports")),
                        new ServerSide(
                                ServerAccess.FILE,
                                "LOAD DATA LOCAL INFILE 'x.csv' reads a file of the machine that runs the migration")),
                c(POSTGRESQL, "REASSIGN OWNED BY old_role TO new_role"),
                c(POSTGRESQL, "DROP OWNED BY old_role", new Operation.DropOwned(List.of("old_role"), false)),
                c(POSTGRESQL, "DROP POLICY p ON accounts", new DropObject(ObjectKind.OTHER, t("p"), false, false)),
                c(POSTGRESQL, "DO LANGUAGE plpgsql $$ BEGIN DELETE FROM t; END $$", new Delete(t("t"), false)),
                c(
                        POSTGRESQL,
                        "DO LANGUAGE plpython3u $$ plpy.execute('DROP TABLE t') $$",
                        new Operation.NotAnalysable(
                                "a DO block in language plpython3u, which the analysis cannot read"),
                        new ServerSide(
                                ServerAccess.UNTRUSTED_CODE,
                                "code in language plpython3u runs with the database server's rights on its host")),
                c(
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN REPEAT DELETE FROM q LIMIT 100; UNTIL ROW_COUNT() = 0 END REPEAT; END",
                        new CreateObject(ObjectKind.PROCEDURE, t("p"), false),
                        new Delete(t("q"), false)),
                c(
                        POSTGRESQL,
                        "DO $$ BEGIN <<l>> DROP TABLE x; END $$",
                        new Operation.NotAnalysable(
                                "JSqlParser could not parse it (Encountered: <K_DO> / \"DO\", at line"
                                        + " 1, column 1, in lexical state DEFAULT.) and the token classifier does not know a DROP"
                                        + " where the analysis did not expect a statement (in a procedural body)")),
                c(
                        POSTGRESQL,
                        "DO $$ BEGIN CREATE TEMP TABLE tmp (a int) ON COMMIT DROP; END $$",
                        new CreateTable(
                                t("tmp"),
                                List.of(col("a", "int", false, false)),
                                List.of(),
                                List.of(),
                                List.of(),
                                false)),
                // ---- rows deleted while the table stays
                c(
                        MYSQL,
                        "ALTER TABLE `events` TRUNCATE PARTITION p1, `p2`",
                        new Operation.DropPartition(t("events"), List.of("p1", "p2"), true)),
                c(
                        MYSQL,
                        "ALTER TABLE events ROW_FORMAT=DYNAMIC ENGINE = BLACKHOLE",
                        new Operation.DiscardRows(t("events"), "ENGINE=BLACKHOLE")),
                c(
                        MYSQL,
                        "ALTER TABLE events DISCARD PARTITION p1 TABLESPACE",
                        new Operation.DiscardRows(t("events"), "DISCARD PARTITION p1 TABLESPACE")),
                c(MYSQL, "ALTER TABLE events REORGANIZE PARTITION p0, p1 INTO (PARTITION p VALUES LESS THAN (9))"),
                c(POSTGRESQL, "DROP OWNED BY a, \"B\" CASCADE", new Operation.DropOwned(List.of("a", "B"), true)),
                c(
                        POSTGRESQL,
                        "CREATE RULE r AS ON DELETE TO s.orders WHERE old.id > 0 DO INSTEAD DELETE FROM archive",
                        new CreateObject(ObjectKind.OTHER, t("r"), false),
                        new Delete(t("archive"), false),
                        new Operation.CreateRule(t("s", "orders"), "DELETE", true, "DELETE FROM archive")),
                c(
                        POSTGRESQL,
                        "CREATE RULE r AS ON INSERT TO orders DO ALSO NOTHING",
                        new CreateObject(ObjectKind.OTHER, t("r"), false),
                        new Operation.CreateRule(t("orders"), "INSERT", false, "NOTHING")),
                // ---- the server, roles and grants, at the top level and in bodies
                c(
                        POSTGRESQL,
                        "DO $$ BEGIN IF true THEN EXECUTE 'SELECT lo_export(1, ''/tmp/x'')'; END IF; END $$",
                        new ServerSide(
                                ServerAccess.FILE,
                                "lo_export(...) writes a large object to a file of the database server")),
                c(
                        POSTGRESQL,
                        "COPY \"Users\" FROM $1",
                        new Insert(t("Users")),
                        new ServerSide(ServerAccess.FILE, "COPY ... FROM $1 reads a file of the database server")),
                c(POSTGRESQL, "COPY users FROM STDIN", new Insert(t("users"))),
                c(
                        POSTGRESQL,
                        "GRANT admin, auditor TO app WITH ADMIN OPTION",
                        new Grant(List.of("admin", "auditor"), null, List.of("app"))),
                c(
                        POSTGRESQL,
                        "GRANT SELECT (id, name), UPDATE (name) ON TABLE users TO app, GROUP PUBLIC",
                        new Grant(List.of("SELECT", "UPDATE"), "TABLE users", List.of("app", "PUBLIC"))),
                c(
                        MYSQL,
                        "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'x'",
                        new Operation.ChangeRole("'app'@'%'", "creates user 'app'@'%' (password)")),
                c(
                        MYSQL,
                        "SET PASSWORD = 'x'",
                        new Operation.ChangeRole("of the current user", "sets the password of the current user")),
                c(
                        MYSQL,
                        "SET sql_mode = '', GLOBAL max_connections = 10",
                        new ServerSide(
                                ServerAccess.CONFIGURATION,
                                "SET GLOBAL max_connections changes the configuration of the whole server")),
                // ---- other objects
                c(
                        POSTGRESQL,
                        "ALTER SEQUENCE users_id_seq RENAME TO members_id_seq",
                        new RenameObject(ObjectKind.SEQUENCE, t("users_id_seq"), t("members_id_seq"))),
                c(
                        POSTGRESQL,
                        "ALTER TYPE mood ADD VALUE 'meh'",
                        new AlterObject(ObjectKind.TYPE, t("mood"), "ADD VALUE 'meh'")),
                c(
                        POSTGRESQL,
                        "CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION f()",
                        new CreateObject(ObjectKind.EVENT_TRIGGER, t("et"), false)),
                c(
                        POSTGRESQL,
                        "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                        new CreateObject(ObjectKind.TYPE, t("mood"), false)),
                c(POSTGRESQL, "CREATE OR REPLACE VIEW v AS SELECT 1", new CreateObject(ObjectKind.VIEW, t("v"), true)),
                // ---- CREATE TABLE with keyword-named columns and foreign keys
                c(
                        POSTGRESQL,
                        "CREATE TABLE events (id bigserial PRIMARY KEY, local boolean NOT NULL, read boolean,"
                                + " user_id bigint REFERENCES users(id) ON DELETE CASCADE)",
                        new CreateTable(
                                t("events"),
                                List.of(
                                        new ColumnDef("id", "bigserial", true, true, true, false, null),
                                        col("local", "boolean", true, false),
                                        col("read", "boolean", false, false),
                                        new ColumnDef("user_id", "bigint", false, false, false, false, inlineFk)),
                                List.of("id"),
                                List.of(inlineFk),
                                List.of(),
                                false)),
                c(
                        POSTGRESQL,
                        "CREATE TABLE t (a int CONSTRAINT t_a_not_null NOT NULL, b int,"
                                + " CONSTRAINT t_b_fk FOREIGN KEY (b) REFERENCES o (id) DEFERRABLE INITIALLY DEFERRED)",
                        new CreateTable(
                                t("t"),
                                List.of(col("a", "int", true, false), col("b", "int", false, false)),
                                List.of(),
                                List.of(new ForeignKeyDef(
                                        "t_b_fk", List.of("b"), t("o"), List.of("id"), null, null, false)),
                                List.of(),
                                false)),
                // ---- procedural bodies: their DDL counts; dynamic SQL cannot be cleared
                c(
                        POSTGRESQL,
                        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'old') THEN DROP TABLE old;"
                                + " END IF; END $$",
                        new DropTable(t("old"), false, false)),
                c(
                        POSTGRESQL,
                        "CREATE OR REPLACE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $body$ BEGIN"
                                + " DELETE FROM audit_log; TRUNCATE sessions; END; $body$",
                        new CreateObject(ObjectKind.FUNCTION, t("cleanup"), true),
                        new Delete(t("audit_log"), false),
                        new Truncate(List.of(t("sessions")), false)),
                c(
                        POSTGRESQL,
                        "CREATE FUNCTION f() RETURNS void AS 'DROP TABLE x' LANGUAGE sql",
                        new CreateObject(ObjectKind.FUNCTION, t("f"), false),
                        new DropTable(t("x"), false, false)),
                c(
                        POSTGRESQL,
                        "CREATE FUNCTION f2() RETURNS int LANGUAGE sql BEGIN ATOMIC DELETE FROM t; RETURN 1; END",
                        new CreateObject(ObjectKind.FUNCTION, t("f2"), false),
                        new Delete(t("t"), false)),
                c(
                        POSTGRESQL,
                        "DO $$ BEGIN EXECUTE 'ALTER TABLE t DROP COLUMN c'; END $$",
                        new DropColumn(t("t"), "c", false)),
                c(
                        MYSQL,
                        "CREATE PROCEDURE purge() BEGIN DELETE FROM logs; DROP TABLE tmp; END",
                        new CreateObject(ObjectKind.PROCEDURE, t("purge"), false),
                        new Delete(t("logs"), false),
                        new DropTable(t("tmp"), false, false)),
                c(
                        MYSQL,
                        "CREATE TRIGGER trg BEFORE DELETE ON t FOR EACH ROW DELETE FROM audit WHERE id = OLD.id",
                        new CreateObject(ObjectKind.TRIGGER, t("trg"), false),
                        new Delete(t("audit"), true)));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("cases")
    void operationsOf(Dialect dialect, String sql, List<Operation> expected) {
        assertEquals(expected, analyze(dialect, sql));
    }
}
