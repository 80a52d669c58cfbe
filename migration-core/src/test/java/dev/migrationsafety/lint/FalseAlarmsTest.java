package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * False alarms found on real migration histories, one regression test each: statements that cannot lose data or
 * block production, written as real projects write them.
 */
class FalseAlarmsTest {

    private static List<Finding> pg(String sql) {
        return StatementSuiteTest.lint(Dialect.POSTGRESQL, sql);
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.line() + " " + f.severity().id() + " " + f.ruleId() + " " + f.message())
                .toList();
    }

    @Test
    void dropTypeWithoutCascadeCanOnlyFailNotLoseData() {
        assertEquals(
                List.of("1 medium drop-type drops type mood; no data goes without CASCADE, but the migration fails"
                        + " if a column still uses it"),
                lines(pg("DROP TYPE IF EXISTS mood;\n")));
        assertEquals(
                List.of("1 medium drop-type drops domain email_d; no data goes without CASCADE, but the migration"
                        + " fails if a column still uses it"),
                lines(pg("DROP DOMAIN email_d;\n")));
        List<Finding> cascade = pg("DROP TYPE IF EXISTS mood CASCADE;\n");
        assertEquals(
                List.of(
                        "1 critical drop-type drops type mood with CASCADE; the columns of that type go with it",
                        "1 critical cascade drops type mood with CASCADE, and with it every dependent object"),
                lines(cascade));
    }

    @Test
    void widenedVarcharIsNoTypeChangeOnPostgresql() {
        // the column's type is known from earlier in the file (not the table: a table created here is exempt)
        String add = "ALTER TABLE users ADD COLUMN email varchar(50);\n";
        assertEquals(List.of(), lines(pg(add + "ALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n")));
        assertEquals(List.of(), lines(pg(add + "ALTER TABLE users ALTER COLUMN email TYPE text;\n")));
        assertEquals(
                List.of(), lines(pg(add + "ALTER TABLE users ALTER COLUMN email SET DATA TYPE character varying;\n")));
        // narrowing, a USING, an unknown old type and char still report
        assertEquals(
                List.of("2 high change-column-type changes the type of users.email to varchar(20): varchar(50) ->"
                        + " varchar(20) truncates or rejects values longer than 20 characters"),
                lines(pg(add + "ALTER TABLE users ALTER COLUMN email TYPE varchar(20);\n")));
        assertEquals(
                List.of("2 high change-column-type changes the type of users.email to text"),
                lines(pg(add + "ALTER TABLE users ALTER COLUMN email TYPE text USING lower(email);\n")));
        assertEquals(
                List.of("1 high change-column-type changes the type of users.email to text"),
                lines(pg("ALTER TABLE users ALTER COLUMN email TYPE text;\n")));
        assertEquals(
                List.of("2 high change-column-type changes the type of users.code to varchar(10)"),
                lines(pg("ALTER TABLE users ADD COLUMN code char(5);\n"
                        + "ALTER TABLE users ALTER COLUMN code TYPE varchar(10);\n")));
        // MySQL rewrites past 255 bytes: not exempt
        assertEquals(
                List.of("changes the type of users.email to varchar(200)"),
                StatementSuiteTest.lint(Dialect.MYSQL, add + "ALTER TABLE users MODIFY COLUMN email varchar(200);\n")
                        .stream()
                        .filter(f -> f.ruleId().equals("change-column-type"))
                        .map(Finding::message)
                        .toList());
    }

    @Test
    void oneCascadeFindingPerStatementNamingTheObjects() {
        assertEquals(
                List.of("1 critical cascade drops view a, view b, view c with CASCADE, and with it every dependent"
                        + " object"),
                lines(pg("DROP VIEW IF EXISTS a, b, c CASCADE;\n")));
        assertEquals(
                List.of(
                        "1 critical drop-table drops table t1 and all its rows",
                        "1 critical drop-table drops table t2 and all its rows",
                        "1 critical cascade drops table t1, table t2 with CASCADE, and with it every dependent object",
                        "2 critical cascade drops view v with CASCADE, and with it every dependent object"),
                lines(pg("DROP TABLE t1, t2 CASCADE;\nDROP VIEW v CASCADE;\n")));
    }

    @Test
    void temporaryTablesAndTablesOfThisMigrationAreNoDropTable() {
        assertEquals(
                List.of(), lines(StatementSuiteTest.lint(Dialect.MYSQL, "DROP TEMPORARY TABLE IF EXISTS tmp_ids;\n")));
        assertEquals(
                List.of(),
                lines(pg("CREATE TABLE tmp_ids (id bigint);\nINSERT INTO tmp_ids SELECT id FROM users;\n"
                        + "DROP TABLE tmp_ids;\n")));
        assertEquals(List.of(), lines(pg("CREATE TEMP TABLE tmp_ids (id bigint);\nDROP TABLE tmp_ids CASCADE;\n")));
        // IF NOT EXISTS may have left an existing table with its rows; another table is still reported
        assertEquals(
                List.of("2 critical drop-table drops table tmp_ids and all its rows"),
                lines(pg("CREATE TABLE IF NOT EXISTS tmp_ids (id bigint);\nDROP TABLE tmp_ids;\n")));
        assertEquals(
                List.of("2 critical drop-table drops table users and all its rows"),
                lines(pg("CREATE TABLE tmp_ids (id bigint);\nDROP TABLE users;\n")));
        assertEquals(
                List.of("1 critical drop-table drops table tmp_ids and all its rows"),
                lines(StatementSuiteTest.lint(Dialect.MYSQL, "DROP TABLE IF EXISTS tmp_ids;\n")));
    }

    @Test
    void constraintsOnColumnsThisMigrationAddedFollowTheSameMigrationRule() {
        // the column is this migration's whether it was added in an earlier statement or earlier in this one
        assertEquals(
                List.of(),
                lines(pg("ALTER TABLE users ADD COLUMN tier int DEFAULT 0, ALTER COLUMN tier SET NOT NULL;\n")));
        assertEquals(
                List.of(),
                lines(pg("ALTER TABLE users ADD COLUMN tier int DEFAULT 0;\n"
                        + "ALTER TABLE users ALTER COLUMN tier SET NOT NULL;\n")));
        // a unique constraint on columns it added reads like ADD COLUMN ... UNIQUE, which is not reported
        assertEquals(List.of(), lines(pg("ALTER TABLE users ADD COLUMN code text UNIQUE;\n")));
        assertEquals(
                List.of(),
                lines(pg("ALTER TABLE users ADD COLUMN code text;\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_code_key UNIQUE (code);\n")));
        // a column that existed before the migration is still reported
        assertEquals(
                List.of("2 high add-unique-constraint adds unique constraint u_ce on users [code, email]"),
                lines(pg("ALTER TABLE users ADD COLUMN code text;\n"
                        + "ALTER TABLE users ADD CONSTRAINT u_ce UNIQUE (code, email);\n")));
        assertEquals(
                List.of("1 high set-not-null sets users.email NOT NULL"),
                lines(pg("ALTER TABLE users ADD COLUMN tier int, ALTER COLUMN email SET NOT NULL;\n")));
    }

    @Test
    void aScriptFlywayRefusesBlocksAtTheDefaultThreshold() {
        List<Finding> mixed = pg(
                "CREATE INDEX CONCURRENTLY orders_user_ix ON orders (user_id);\n" + "INSERT INTO audit VALUES (1);\n");
        assertEquals(
                List.of("1 high concurrently-in-transaction mixes CONCURRENTLY with transactional statements:"
                        + " Flyway refuses the migration unless mixed=true, which then runs all of it without a"
                        + " transaction"),
                lines(mixed));
        assertEquals(true, Check.blocks(mixed.get(0), Severity.CRITICAL));
        // alone in its migration it runs, and a create-index-not-concurrently stays below the default threshold
        assertEquals(List.of(), pg("CREATE INDEX CONCURRENTLY orders_user_ix ON orders (user_id);\n"));
        List<Finding> plain = pg("CREATE INDEX orders_user_ix ON orders (user_id);\n");
        assertEquals(false, Check.blocks(plain.get(0), Severity.CRITICAL));
    }

    @Test
    void indexesOfAMaterializedViewOfThisMigrationAreExemptLikeThoseOfItsTables() {
        assertEquals(
                List.of(),
                lines(pg("CREATE MATERIALIZED VIEW order_totals AS SELECT user_id, sum(total) FROM orders GROUP BY 1;\n"
                        + "CREATE UNIQUE INDEX order_totals_user_ix ON order_totals (user_id);\n")));
        assertEquals(
                List.of("1 high create-index-not-concurrently creates index order_totals_ix on order_totals without"
                        + " CONCURRENTLY"),
                lines(pg("CREATE INDEX order_totals_ix ON order_totals (user_id);\n")));
    }

    private static final String PURGE = "CREATE OR REPLACE FUNCTION purge() RETURNS void AS $$\n"
            + "BEGIN\n"
            + "  DELETE FROM audit_log;\n"
            + "END\n"
            + "$$ LANGUAGE plpgsql;\n";

    @Test
    void aFunctionBodyRunsOnlyWhereTheMigrationCallsIt() {
        // defined, not called: low, at the inner statement's line, saying when it runs
        List<Finding> defined = pg(PURGE);
        assertEquals(
                List.of("3 low delete-without-where deletes every row of audit_log (no WHERE); in function purge(), so"
                        + " only when it is called, which this migration does not do"),
                lines(defined));
        assertEquals(false, Check.blocks(defined.get(0), Severity.MEDIUM));
        // called by SELECT, PERFORM in a DO block, or CALL: as it is, saying where
        assertEquals(
                List.of("3 critical delete-without-where deletes every row of audit_log (no WHERE); in function"
                        + " purge(), which this migration calls at line 6"),
                lines(pg(PURGE + "SELECT purge();\n")));
        assertEquals(
                List.of("3 critical delete-without-where deletes every row of audit_log (no WHERE); in function"
                        + " purge(), which this migration calls at line 8"),
                lines(pg(PURGE + "DO $$\nBEGIN\n  PERFORM purge();\nEND $$;\n")));
        // DROP FUNCTION, COMMENT ON FUNCTION and GRANT EXECUTE ON FUNCTION name it without calling it
        assertEquals(
                List.of("low"),
                pg(PURGE + "COMMENT ON FUNCTION purge() IS 'x';\nGRANT EXECUTE ON FUNCTION purge() TO app;\n").stream()
                        .map(f -> f.severity().id())
                        .toList());
        // a table of the same name written with a column list is no call
        assertEquals(
                List.of("low"),
                severities(pg(PURGE.replace("purge()", "audit()")
                        + "INSERT INTO audit (id) VALUES (1);\nCREATE TABLE IF NOT EXISTS public.audit (id int);\n")));
        // a function the migration calls through another one runs too
        assertEquals(
                List.of("critical"),
                pg(PURGE + "CREATE FUNCTION nightly() RETURNS void AS $$ BEGIN PERFORM purge(); END $$ LANGUAGE"
                                + " plpgsql;\nSELECT nightly();\n")
                        .stream()
                        .map(f -> f.severity().id())
                        .toList());
    }

    @Test
    void aTriggerBodyRunsOnlyWhenTheMigrationWritesItsTable() {
        String trigger = "CREATE FUNCTION stamp() RETURNS trigger AS $$\n"
                + "BEGIN\n"
                + "  UPDATE stats SET touched = now();\n"
                + "  RETURN NEW;\n"
                + "END $$ LANGUAGE plpgsql;\n"
                + "CREATE TRIGGER orders_stamp AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION stamp();\n";
        assertEquals(
                List.of("3 low update-without-where updates every row of stats (no WHERE); in function stamp(), so"
                        + " only when it is called, which this migration does not do"),
                lines(pg(trigger)));
        assertEquals(
                List.of("3 critical update-without-where updates every row of stats (no WHERE); in function stamp(),"
                        + " which trigger orders_stamp calls at line 6, and this migration fires it"),
                lines(pg(trigger + "INSERT INTO orders (id) VALUES (1);\n")));
        // MySQL: the body is the trigger's own
        String mysql = "DELIMITER //\n"
                + "CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW\n"
                + "BEGIN\n"
                + "  DELETE FROM order_cache;\n"
                + "END //\n"
                + "DELIMITER ;\n";
        assertEquals(
                List.of("4 low delete-without-where deletes every row of order_cache (no WHERE); in trigger"
                        + " orders_bi, so only when a write to orders fires it, which this migration does not do"),
                lines(StatementSuiteTest.lint(Dialect.MYSQL, mysql)));
        assertEquals(
                List.of("4 critical delete-without-where deletes every row of order_cache (no WHERE); in trigger"
                        + " orders_bi, which this migration fires: it writes orders at line 7"),
                lines(StatementSuiteTest.lint(Dialect.MYSQL, mysql + "INSERT INTO orders (id) VALUES (1);\n")));
    }

    @Test
    void aMysqlProcedureRunsWhereTheMigrationCallsIt() {
        String proc = "DELIMITER //\n"
                + "CREATE PROCEDURE purge()\n"
                + "BEGIN\n"
                + "  DELETE FROM audit_log;\n"
                + "END //\n"
                + "DELIMITER ;\n";
        assertEquals(List.of("low"), severities(StatementSuiteTest.lint(Dialect.MYSQL, proc)));
        assertEquals(
                List.of("4 critical delete-without-where deletes every row of audit_log (no WHERE); in procedure"
                        + " purge(), which this migration calls at line 7"),
                lines(StatementSuiteTest.lint(Dialect.MYSQL, proc + "CALL purge;\n")));
    }

    @Test
    void whatAFunctionReachesOnTheServerIsNotLowered() {
        assertEquals(
                List.of("1 critical server-program COPY ... TO PROGRAM 'id' runs a command on the database server; in"
                        + " function leak(), which gives this to whoever calls it"),
                lines(pg("CREATE FUNCTION leak() RETURNS void AS $$ BEGIN EXECUTE 'COPY users TO PROGRAM ''id''';"
                        + " END $$ LANGUAGE plpgsql;\n")));
        // what a function it does not call creates is not this migration's: dropping it later still reports
        assertEquals(
                List.of("critical drop-table"),
                pg("CREATE FUNCTION mk() RETURNS void AS $$ BEGIN CREATE TABLE t1 (id int); END $$ LANGUAGE"
                                + " plpgsql;\nDROP TABLE t1;\n")
                        .stream()
                        .map(f -> f.severity().id() + " " + f.ruleId())
                        .toList());
    }

    @Test
    void aBodyThatCannotBeReadBlocksOnlyWhereItRuns() {
        String body = "CREATE FUNCTION f() RETURNS void AS $$ BEGIN EXECUTE format('DROP TABLE %I', 'x'); END $$"
                + " LANGUAGE plpgsql;\n";
        List<Finding> defined = pg(body);
        assertEquals(List.of("not-analysable low"), idsAndSeverities(defined));
        assertEquals(false, Check.blocks(defined.get(0), Severity.HIGH));
        List<Finding> called = pg(body + "SELECT f();\n");
        assertEquals(List.of("not-analysable high"), idsAndSeverities(called));
        assertEquals(true, Check.blocks(called.get(0), Severity.CRITICAL));
        // a DO block always runs: what it cannot read blocks
        List<Finding> block = pg("DO $$ BEGIN EXECUTE format('DROP TABLE %I', 'x'); END $$;\n");
        assertEquals(List.of("not-analysable high"), idsAndSeverities(block));
    }

    @Test
    void aFindingInsideADoBlockIsAtTheLineOfItsStatement() {
        String sql = "-- migration:allow drop-column reason=\"the column was never read, see ticket 12\"\n"
                + "DO $$\n"
                + "BEGIN\n"
                + "  IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'users') THEN\n"
                + "    ALTER TABLE users DROP COLUMN legacy;\n"
                + "    DELETE FROM sessions;\n"
                + "  END IF;\n"
                + "END $$;\n";
        // the allow above the block still covers what is inside it
        assertEquals(
                List.of("6 critical delete-without-where deletes every row of sessions (no WHERE)"), lines(pg(sql)));
        // an allow inside the body, above the inner statement, covers that statement
        String inner = "DO $$\nBEGIN\n  -- migration:allow delete-without-where reason=\"sessions are rebuilt at"
                + " login\"\n  DELETE FROM sessions;\n  TRUNCATE cache;\nEND $$;\n";
        assertEquals(List.of("5 critical truncate truncates cache, deleting every row"), lines(pg(inner)));
    }

    private static List<String> severities(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().id()).toList();
    }

    private static List<String> idsAndSeverities(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.severity().id()).toList();
    }

    private static List<String> down(String up, String down) {
        ParsedFile u = StandardFileAnalyzer.INSTANCE.analyze("db/migration/V3__up.sql", up, Dialect.POSTGRESQL);
        ParsedFile d = StandardFileAnalyzer.INSTANCE.analyze("db/undo/U3__up.sql", down, Dialect.POSTGRESQL);
        return lines(new MigrationLinter(Dialect.POSTGRESQL).lintDown(d, u, null));
    }

    @Test
    void constraintsTheUpCreatedUnderTheirImplicitNamesAreItsOwn() {
        String up = "ALTER TABLE orders ADD COLUMN code text UNIQUE,"
                + " ADD COLUMN user_id bigint REFERENCES users (id);\n"
                + "ALTER TABLE items ADD PRIMARY KEY (id);\n"
                + "ALTER TABLE items ADD UNIQUE (sku, shop);\n"
                + "ALTER TABLE items ADD FOREIGN KEY (shop) REFERENCES shops (id);\n";
        String down = "ALTER TABLE items DROP CONSTRAINT items_shop_fkey;\n"
                + "ALTER TABLE items DROP CONSTRAINT items_sku_shop_key;\n"
                + "ALTER TABLE items DROP CONSTRAINT items_pkey;\n"
                + "ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;\n"
                + "ALTER TABLE orders DROP CONSTRAINT orders_code_key;\n"
                + "ALTER TABLE orders DROP COLUMN user_id, DROP COLUMN code;\n";
        assertEquals(List.of(), down(up, down));
        // a constraint under another name, or of another table, is still pre-existing
        assertEquals(
                List.of("1 critical down-drops-preexisting drops constraint orders_email_key on orders, which its up"
                        + " script did not add"),
                down(up, "ALTER TABLE orders DROP CONSTRAINT orders_email_key;\n"));
    }

    @Test
    void aConstraintOrIndexReplacedUnderItsNameIsNotDropped() {
        // found on MarquezProject/marquez: 30 foreign keys re-made with ON DELETE CASCADE, each one statement
        assertEquals(
                List.of("1 medium add-foreign-key-without-not-valid adds foreign key runs_job_fkey on runs to jobs"
                        + " without NOT VALID"),
                lines(
                        pg(
                                "ALTER TABLE runs DROP CONSTRAINT runs_job_fkey,\n"
                                        + "  ADD CONSTRAINT runs_job_fkey FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE;\n")));
        // an index dropped and created again later in the migration
        assertEquals(
                List.of("2 high create-index-not-concurrently creates unique index jobs_name on jobs without"
                        + " CONCURRENTLY"),
                lines(pg("DROP INDEX jobs_name;\nCREATE UNIQUE INDEX jobs_name ON jobs (namespace, name);\n")));
        // dropped for good, re-created before the drop, or dropped with CASCADE: still reported
        assertEquals(
                List.of("1 medium drop-constraint drops constraint runs_job_fkey on runs"),
                lines(pg("ALTER TABLE runs DROP CONSTRAINT runs_job_fkey;\n")));
        assertEquals(
                2,
                pg("ALTER TABLE runs DROP CONSTRAINT runs_uq CASCADE;\n"
                                + "ALTER TABLE runs ADD CONSTRAINT runs_uq UNIQUE (a);\n")
                        .stream()
                        .filter(f -> !f.ruleId().equals("add-unique-constraint"))
                        .count());
    }

    @Test
    void dropIndexAdviceNamesConcurrentlyOnlyOnPostgresql() {
        List<Finding> mysql = StatementSuiteTest.lint(Dialect.MYSQL, "DROP INDEX idx_flows ON flows;\n");
        assertEquals(List.of("1 medium drop-index drops index idx_flows"), lines(mysql));
        assertEquals(
                "check the query plans first: queries that used the index fall back to other plans",
                mysql.get(0).fix());
        List<Finding> postgres = pg("DROP INDEX idx_flows;\n");
        assertEquals(List.of("1 medium drop-index drops index idx_flows"), lines(postgres));
        assertEquals(
                "check the query plans first; on PostgreSQL use DROP INDEX CONCURRENTLY",
                postgres.get(0).fix());
    }
}
