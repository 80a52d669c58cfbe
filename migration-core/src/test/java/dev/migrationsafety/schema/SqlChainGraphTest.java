package dev.migrationsafety.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import dev.migrationsafety.sql.SqlAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph from real SQL, through the project's analysis, one hand-written chain per dialect. */
class SqlChainGraphTest {
    private static final SqlAnalysis ANALYSIS = new SqlAnalysis();

    private static GraphResult graph(Dialect dialect, String... versionAndSql) {
        List<MigrationStatements> chain = new ArrayList<>();
        for (int i = 0; i < versionAndSql.length; i += 2) {
            String version = versionAndSql[i];
            String path = "db/V" + version + "__m.sql";
            FileAnalysis analysis = ANALYSIS.analyze(path, versionAndSql[i + 1], dialect);
            assertEquals(List.of(), analysis.problems(), path);
            chain.add(new MigrationStatements(new MigrationRef(version, "m", path), analysis.statements()));
        }
        return new SchemaGraph(dialect, null, GraphFilter.all()).build(chain, null);
    }

    private static List<String> edges(GraphResult r) {
        Schema s = r.schema();
        return s.foreignKeys().stream()
                .map(fk -> s.display(fk.table()) + "(" + String.join(",", fk.columns()) + ")->" + s.display(fk.target())
                        + "(" + String.join(",", fk.targetColumns()) + ")")
                .toList();
    }

    private static List<String> order(GraphResult r) {
        return r.graph().creationOrder().stream().map(r.schema()::display).toList();
    }

    private static List<String> findings(GraphResult r) {
        return r.findings().stream().map(f -> f.location() + " " + f.ruleId()).toList();
    }

    @Test
    void postgresql() {
        GraphResult r = graph(
                Dialect.POSTGRESQL,
                "1",
                """
                CREATE SCHEMA billing;
                CREATE TABLE "Customer" (id bigserial PRIMARY KEY, email text NOT NULL);
                CREATE TABLE billing.invoices (
                    id bigserial PRIMARY KEY,
                    customer_id bigint NOT NULL REFERENCES "Customer" (id),
                    parent_id bigint REFERENCES billing.invoices (id)
                );
                """,
                "2",
                """
                CREATE TABLE invoice_lines (
                    invoice_id bigint NOT NULL,
                    line_no int NOT NULL,
                    PRIMARY KEY (invoice_id, line_no),
                    CONSTRAINT lines_invoice_fk FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id)
                );
                ALTER TABLE invoice_lines RENAME COLUMN line_no TO position;
                ALTER TABLE billing.invoices RENAME TO bills;
                """,
                "3",
                """
                ALTER TABLE invoice_lines DROP CONSTRAINT lines_invoice_fk;
                DROP TABLE billing.bills;
                """);
        assertEquals(List.of(), findings(r));
        assertEquals(List.of(), edges(r));
        assertEquals(List.of("Customer", "invoice_lines"), order(r));
        assertEquals(
                List.of("invoice_id", "position"),
                r.schema().tablesByName().values().stream()
                        .filter(t -> t.name().name().equals("invoice_lines"))
                        .findFirst()
                        .orElseThrow()
                        .primaryKey());
    }

    @Test
    void droppingANamedPrimaryKeyDropsIt() {
        GraphResult r = graph(
                Dialect.POSTGRESQL,
                "1",
                """
                CREATE TABLE accounts (id bigint, CONSTRAINT accounts_pk PRIMARY KEY (id));
                CREATE TABLE users (id bigint PRIMARY KEY);
                CREATE TABLE items (id bigint, CONSTRAINT items_pk PRIMARY KEY (id));
                CREATE TABLE shops (id bigint CONSTRAINT shops_pk PRIMARY KEY, name text);
                """,
                "2",
                """
                ALTER TABLE accounts DROP CONSTRAINT accounts_pk;
                ALTER TABLE users DROP CONSTRAINT users_pkey;
                ALTER TABLE shops DROP CONSTRAINT shops_pk;
                """);
        assertEquals(List.of(), findings(r));
        assertEquals(
                List.of("accounts []", "items [id]", "shops []", "users []"),
                r.schema().tablesByName().values().stream()
                        .map(t -> t.name().name() + " " + t.primaryKey())
                        .sorted()
                        .toList());
    }

    @Test
    void postgresqlRenameThenSelfReferenceAndReports() {
        GraphResult r = graph(
                Dialect.POSTGRESQL,
                "1",
                """
                CREATE TABLE a (id bigint PRIMARY KEY, c_id bigint);
                CREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id));
                CREATE TABLE c (id bigint PRIMARY KEY, b_id bigint REFERENCES b (id));
                ALTER TABLE a ADD CONSTRAINT a_c_fk FOREIGN KEY (c_id) REFERENCES c (id);
                """,
                "2",
                """
                ALTER TABLE b RENAME TO bee;
                CREATE TABLE d (id bigint PRIMARY KEY, b_id bigint REFERENCES b (id));
                """);
        assertEquals(
                List.of("db/V2__m.sql:2 graph-rename-breaks-reference", "db/V1__m.sql:4 graph-fk-cycle"), findings(r));
        assertEquals(
                List.of("a", "bee", "c"),
                r.cycles().get(0).tables().stream().map(t -> t.name()).toList());
    }

    @Test
    void mysqlBackticksDropForeignKeyAndCaseInsensitiveColumns() {
        GraphResult r = graph(
                Dialect.MYSQL,
                "1",
                """
                CREATE TABLE `Users` (`Id` BIGINT NOT NULL AUTO_INCREMENT, PRIMARY KEY (`Id`)) ENGINE=InnoDB;
                CREATE TABLE `orders` (
                  `id` BIGINT NOT NULL AUTO_INCREMENT,
                  `user_id` BIGINT NOT NULL,
                  PRIMARY KEY (`id`),
                  CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `Users` (`id`)
                ) ENGINE=InnoDB;
                """,
                "2",
                """
                ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
                DROP TABLE `Users`;
                """);
        assertEquals(List.of(), findings(r));
        assertEquals(List.of("orders"), order(r));

        GraphResult refused = graph(
                Dialect.MYSQL,
                "1",
                """
                CREATE TABLE `Users` (`Id` BIGINT NOT NULL, PRIMARY KEY (`Id`));
                CREATE TABLE `orders` (`id` BIGINT NOT NULL, `user_id` BIGINT,
                  CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `Users` (`ID`));
                """,
                "2",
                "DROP TABLE `Users`;");
        assertEquals(List.of("db/V2__m.sql:1 graph-drop-referenced-table"), findings(refused));
    }

    @Test
    void h2UpperCaseFoldingAndDefaultSchema() {
        GraphResult r = graph(
                Dialect.H2,
                "1",
                """
                CREATE TABLE users (id BIGINT PRIMARY KEY);
                CREATE TABLE PUBLIC.posts (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES Users (ID));
                CREATE TABLE "comments" (id BIGINT PRIMARY KEY, post_id BIGINT);
                ALTER TABLE "comments" ADD CONSTRAINT fk_post FOREIGN KEY (post_id) REFERENCES posts (id);
                """);
        assertEquals(List.of(), findings(r));
        assertEquals(List.of("POSTS(USER_ID)->USERS(ID)", "comments(POST_ID)->POSTS(ID)"), edges(r));
        assertEquals(List.of("USERS", "POSTS", "comments"), order(r));
    }

    @Test
    void missingTargetAtThatPointInHistory() {
        GraphResult r = graph(
                Dialect.POSTGRESQL,
                "1",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));",
                "2",
                "CREATE TABLE customers (id bigint PRIMARY KEY);");
        assertEquals(List.of("db/V1__m.sql:1 graph-missing-fk-target"), findings(r));
        Finding f = r.findings().get(0);
        assertEquals(
                "create customers in an earlier migration, or add the foreign key in a migration after the one "
                        + "that creates it",
                f.fix());
    }
}
