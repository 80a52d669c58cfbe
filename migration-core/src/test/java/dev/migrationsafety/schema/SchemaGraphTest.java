package dev.migrationsafety.schema;

import static dev.migrationsafety.schema.Chain.addFk;
import static dev.migrationsafety.schema.Chain.chain;
import static dev.migrationsafety.schema.Chain.col;
import static dev.migrationsafety.schema.Chain.create;
import static dev.migrationsafety.schema.Chain.drop;
import static dev.migrationsafety.schema.Chain.dropCascade;
import static dev.migrationsafety.schema.Chain.dropConstraint;
import static dev.migrationsafety.schema.Chain.fk;
import static dev.migrationsafety.schema.Chain.id;
import static dev.migrationsafety.schema.Chain.ref;
import static dev.migrationsafety.schema.Chain.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaGraphTest {

    private static GraphResult graph(Dialect dialect, List<MigrationStatements> chain) {
        return new SchemaGraph(dialect, null, GraphFilter.all()).build(chain, null);
    }

    private static List<String> names(Schema schema, List<TableName> tables) {
        return tables.stream().map(schema::display).toList();
    }

    private static List<String> formatted(GraphResult r) {
        return r.findings().stream().map(Finding::format).toList();
    }

    private static List<String> edges(Schema schema) {
        return schema.foreignKeys().stream()
                .map(fk -> schema.display(fk.table()) + "(" + String.join(",", fk.columns()) + ")->"
                        + schema.display(fk.target()) + "(" + String.join(",", fk.targetColumns()) + ") "
                        + fk.name() + " " + fk.introducedBy().id())
                .toList();
    }

    @Test
    void postgresInlineAndTableLevelForeignKeysGiveOrdersAndDependencies() {
        var chain = chain().migration("1", "customers")
                .statement(create(t("customers"), id("id"), col("name", "text")))
                .migration("2", "orders")
                .statement(create(
                        t("orders"),
                        List.of(id("id"), col("customer_id", "bigint"), col("note", "text")),
                        List.of(),
                        List.of(fk(List.of("customer_id"), t("customers"), List.of()))))
                .migration("3", "order lines")
                .statement(create(t("order_lines"), id("id"), ref("order_id", t("orders"))))
                .migration("4", "audit")
                .statement(create(t("audit"), id("id")))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        Schema s = r.schema();
        assertEquals(List.of(), formatted(r));
        assertEquals("public", s.defaultSchema());
        assertEquals(
                new TableName("public", "orders"),
                s.table(new TableName("public", "orders")).name());
        assertEquals(
                List.of(
                        "order_lines(order_id)->orders(id) order_lines_order_id_fkey V3",
                        "orders(customer_id)->customers(id) orders_customer_id_fkey V2"),
                edges(s));
        assertEquals(
                List.of("audit", "customers", "orders", "order_lines"),
                names(s, r.graph().creationOrder()));
        assertEquals(
                List.of("order_lines", "orders", "customers", "audit"),
                names(s, r.graph().dropOrder()));
        assertEquals(List.of(), r.cycles());
        List<String> deps = r.replay().dependencies().stream()
                .map(d -> d.migration().id() + "->" + d.dependsOn().id() + " " + d.reasons())
                .toList();
        assertEquals(
                List.of("V2->V1 [column customers.id, table customers]", "V3->V2 [column orders.id, table orders]"),
                deps);
    }

    @Test
    void compositeKeysDefaultToTheTargetsPrimaryKey() {
        var chain = chain().migration("1", "tenancy")
                .statement(create(
                        t("accounts"),
                        List.of(col("tenant_id", "int"), col("account_no", "int")),
                        List.of("tenant_id", "account_no"),
                        List.of()))
                .statement(create(
                        t("invoices"),
                        List.of(id("id"), col("tenant_id", "int"), col("account_no", "int")),
                        List.of(),
                        List.of(fk(
                                "invoices_account_fk", List.of("tenant_id", "account_no"), t("accounts"), List.of()))))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        assertEquals(
                List.of("invoices(tenant_id,account_no)->accounts(tenant_id,account_no) invoices_account_fk V1"),
                edges(r.schema()));
        Table accounts = r.schema().table(new TableName("public", "accounts"));
        assertEquals(List.of("tenant_id", "account_no"), accounts.primaryKey());
        assertTrue(accounts.columns().get(0).notNull(), "primary-key columns are not null");
        assertEquals(
                List.of("accounts", "invoices"), names(r.schema(), r.graph().creationOrder()));
    }

    @Test
    void selfReferenceIsNotACycle() {
        var chain = chain().migration("1", "categories")
                .statement(create(t("categories"), id("id"), ref("parent_id", t("categories"))))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        assertEquals(List.of(), formatted(r));
        assertEquals(List.of(), r.cycles());
        assertTrue(r.schema().foreignKeys().get(0).selfReference());
        assertEquals(List.of("categories"), names(r.schema(), r.graph().creationOrder()));
    }

    @Test
    void threeTableCycleIsListedWithItsEdgesAndReportedWhereItCloses() {
        var chain = chain().migration("1", "a b c")
                .statement(create(t("a"), id("id"), col("c_id", "bigint")))
                .statement(create(t("b"), id("id"), ref("a_id", t("a"))))
                .statement(create(t("c"), id("id"), ref("b_id", t("b"))))
                .migration("2", "unrelated")
                .statement(create(t("z"), id("id")))
                .migration("3", "close loop")
                .statement(create(t("d"), id("id")))
                .statement(addFk(t("a"), "a_c_fk", fk(List.of("c_id"), t("c"), List.of("id"))))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        assertEquals(1, r.cycles().size());
        TableGraph.Cycle cycle = r.cycles().get(0);
        assertEquals(List.of("a", "b", "c"), names(r.schema(), cycle.tables()));
        assertEquals(
                List.of("a->c", "b->a", "c->b"),
                cycle.edges().stream()
                        .map(fk -> fk.table().name() + "->" + fk.target().name())
                        .toList());
        // members of a cycle come together, by name; the other tables keep their order
        assertEquals(
                List.of("a", "b", "c", "d", "z"), names(r.schema(), r.graph().creationOrder()));
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals("graph-fk-cycle", f.ruleId());
        assertEquals("src/main/resources/db/migration/V3__close_loop.sql", f.path());
        assertEquals(3, f.line());
        assertTrue(f.message().contains("foreign key a_c_fk of a closes a cycle"), f.message());
        assertTrue(f.message().contains("(a -> c, b -> a, c -> b)"), f.message());
        // accepted at adoption, the cycle is not shown again, neither as its finding nor as its Cycle: line
        List<String> warnings = List.of(
                "Cycle: a, b, c (a -> c by a_c_fk in 3; ...)", "Cycle: x, y (x -> y ...)", f.formatWithSeverity());
        assertEquals(List.of("Cycle: x, y (x -> y ...)"), GraphRun.shownWarnings(warnings, List.of(f)));
        assertEquals(warnings, GraphRun.shownWarnings(warnings, List.of()));
    }

    @Test
    void tableRenameKeepsForeignKeysAndOldNameBreaksLaterReferences() {
        var chain = chain().migration("1", "users")
                .statement(create(t("users"), id("id")))
                .statement(create(t("posts"), id("id"), ref("author_id", t("users"))))
                .migration("2", "rename users")
                .statement(new Operation.RenameTable(t("users"), t("accounts")))
                .migration("3", "comments")
                .statement(create(t("comments"), id("id"), ref("user_id", t("users"))))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        assertEquals(List.of("posts(author_id)->accounts(id) posts_author_id_fkey V1"), edges(r.schema()));
        assertEquals(
                List.of("src/main/resources/db/migration/V3__comments.sql:1: [graph-rename-breaks-reference] "
                        + "foreign key of comments(user_id) references table users, which V2 "
                        + "(src/main/resources/db/migration/V2__rename_users.sql:1) renamed to public.accounts; "
                        + "the statement fails (in V3) - reference public.accounts instead"),
                formatted(r));
        assertTrue(r.replay().dependencies().stream()
                .anyMatch(d ->
                        d.migration().id().equals("V2") && d.dependsOn().id().equals("V1")));
    }

    @Test
    void columnRenameFollowsIntoForeignKeysAndOldColumnNameIsReported() {
        var chain = chain().migration("1", "users")
                .statement(create(t("users"), id("id"), col("email", "text")))
                .statement(create(t("posts"), id("id"), ref("author_id", t("users"), "id")))
                .migration("2", "rename")
                .statement(new Operation.RenameColumn(t("users"), "id", "user_id"))
                .statement(new Operation.RenameColumn(t("posts"), "author_id", "written_by"))
                .migration("3", "likes")
                .statement(create(t("likes"), id("id"), ref("user_id", t("users"), "id")))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        assertEquals(List.of("posts(written_by)->users(user_id) posts_author_id_fkey V1"), edges(r.schema()));
        assertEquals(
                List.of("user_id"),
                r.schema().table(new TableName("public", "users")).primaryKey());
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals("graph-rename-breaks-reference", f.ruleId());
        assertTrue(f.message().contains("references column users.id, which V2"), f.message());
        assertEquals("reference column user_id instead", f.fix());
    }

    @Test
    void droppingAReferencedTableIsReportedUnlessCascadeOrReferencesGoFirst() {
        var base = chain().migration("1", "base")
                .statement(create(t("customers"), id("id")))
                .statement(create(t("orders"), id("id"), ref("customer_id", t("customers"))));
        GraphResult plain = graph(
                Dialect.MYSQL,
                copy(base)
                        .migration("2", "drop")
                        .statement(drop(t("customers")))
                        .build());
        assertEquals(
                List.of("src/main/resources/db/migration/V2__drop.sql:1: [graph-drop-referenced-table] drops table "
                        + "customers, which foreign key orders_ibfk_1 of orders (V1) still references; the database "
                        + "refuses the drop (in V2) - drop those foreign keys (or the referencing tables) first, in "
                        + "this migration or an earlier one"),
                formatted(plain));
        assertEquals(List.of(), edges(plain.schema()), "the reference goes with the dropped table");

        GraphResult cascade = graph(
                Dialect.MYSQL,
                copy(base)
                        .migration("2", "drop")
                        .statement(dropCascade(t("customers")))
                        .build());
        assertEquals(List.of(), formatted(cascade));

        GraphResult together = graph(
                Dialect.MYSQL,
                copy(base)
                        .migration("2", "drop")
                        .statement(drop(t("customers")), drop(t("orders")))
                        .build());
        assertEquals(List.of(), formatted(together));
        assertEquals(List.of(), together.schema().tables());

        // MySQL DROP FOREIGN KEY with the name MySQL generated for the unnamed key
        GraphResult keyFirst = graph(
                Dialect.MYSQL,
                copy(base)
                        .migration("2", "drop")
                        .statement(dropConstraint(t("orders"), "orders_ibfk_1", Operation.ConstraintKind.FOREIGN_KEY))
                        .statement(drop(t("customers")))
                        .build());
        assertEquals(List.of(), formatted(keyFirst));
        assertEquals(
                List.of("orders"), names(keyFirst.schema(), keyFirst.graph().creationOrder()));
    }

    @Test
    void postgresDropConstraintRemovesTheDefaultNamedForeignKey() {
        var chain = chain().migration("1", "base")
                .statement(create(t("customers"), id("id")))
                .statement(create(t("orders"), id("id"), ref("customer_id", t("customers"))))
                .migration("2", "drop fk")
                .statement(dropConstraint(t("orders"), "orders_customer_id_fkey", Operation.ConstraintKind.UNKNOWN))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        assertEquals(List.of(), edges(r.schema()));
        assertEquals("V1", r.replay().dependencies().get(0).dependsOn().id());
        assertEquals(
                List.of("foreign key orders_customer_id_fkey", "table orders"),
                r.replay().dependencies().get(0).reasons());
    }

    @Test
    void foreignKeyToATableNotYetCreatedIsReportedAtItsStatement() {
        var chain = chain().migration("1", "orders")
                .statement(create(t("x"), id("id")))
                .statement(create(t("orders"), id("id"), ref("customer_id", t("customers"))))
                .migration("2", "customers")
                .statement(create(t("customers"), id("id")))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        assertEquals(
                List.of("src/main/resources/db/migration/V1__orders.sql:3: [graph-missing-fk-target] foreign key of "
                        + "orders(customer_id) references table customers, which does not exist at this point of the "
                        + "migration history (in V1) - create customers in an earlier migration, or add the foreign "
                        + "key in a migration after the one that creates it"),
                formatted(r));
        assertEquals(List.of(), edges(r.schema()));
    }

    @Test
    void quotedMixedCaseNamesAreDistinctInPostgresAndColumnsIgnoreCaseInMysql() {
        // PostgreSQL: "Customer" (quoted) and customer (folded) are two tables
        var pg = chain().migration("1", "mixed")
                .statement(create(t("Customer"), id("Id")))
                .statement(create(t("customer"), id("id")))
                .statement(create(t("orders"), id("id"), ref("customer_ref", t("Customer"), "Id")))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, pg);
        assertEquals(List.of("orders(customer_ref)->Customer(Id) orders_customer_ref_fkey V1"), edges(r.schema()));
        assertEquals(
                List.of("Customer", "customer", "orders"),
                names(r.schema(), r.graph().creationOrder()));

        // MySQL: column names ignore case, so a reference to ID finds id
        var my = chain().migration("1", "mixed")
                .statement(create(t("Customer"), id("id")))
                .statement(create(t("Orders"), id("id"), ref("customer_id", t("Customer"), "ID")))
                .build();
        GraphResult m = graph(Dialect.MYSQL, my);
        assertEquals(List.of(), formatted(m));
        assertEquals(List.of("Orders(customer_id)->Customer(ID) Orders_ibfk_1 V1"), edges(m.schema()));
        assertNull(m.schema().defaultSchema());
    }

    @Test
    void schemaQualifiedNamesResolveTheDefaultSchemaPerDialect() {
        var pg = chain().migration("1", "schemas")
                .statement(new Operation.CreateObject(Operation.ObjectKind.SCHEMA, t("sales"), false))
                .statement(create(t("customers"), id("id")))
                .statement(create(t("sales", "orders"), id("id"), ref("customer_id", t("public", "customers"))))
                .statement(create(t("sales", "lines"), id("id"), ref("order_id", t("sales", "orders"))))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, pg);
        assertEquals(List.of(), formatted(r));
        assertEquals(
                List.of("customers", "sales.orders", "sales.lines"),
                names(r.schema(), r.graph().creationOrder()));
        assertEquals(List.of("public", "sales"), List.copyOf(r.schema().schemas()));

        // H2 folds to upper case and its default schema is PUBLIC
        var h2 = chain().migration("1", "h2")
                .statement(create(t("USERS"), id("ID")))
                .statement(create(t("PUBLIC", "POSTS"), id("ID"), ref("USER_ID", t("USERS"))))
                .migration("2", "drop schema")
                .statement(new Operation.CreateObject(Operation.ObjectKind.SCHEMA, t("TMP"), false))
                .statement(create(t("TMP", "T"), id("ID")))
                .statement(new Operation.DropObject(Operation.ObjectKind.SCHEMA, t("TMP"), false, true))
                .build();
        GraphResult h = graph(Dialect.H2, h2);
        assertEquals(List.of("POSTS(USER_ID)->USERS(ID) CONSTRAINT_POSTS_1 V1"), edges(h.schema()));
        assertEquals(List.of("USERS", "POSTS"), names(h.schema(), h.graph().creationOrder()));
        assertEquals(List.of("PUBLIC"), List.copyOf(h.schema().schemas()));
    }

    @Test
    void atVersionDrawsTheSchemaAsItWasAndFiltersSelectTables() {
        var chain = chain().migration("1", "a")
                .statement(create(t("a"), id("id")))
                .migration("2", "b")
                .statement(create(t("audit_log"), id("id"), ref("a_id", t("a"))))
                .migration("10", "c")
                .statement(create(t("c"), id("id")))
                .build();
        GraphResult at2 =
                new SchemaGraph(Dialect.POSTGRESQL, null, GraphFilter.all()).build(chain, MigrationVersion.parse("2"));
        assertEquals(List.of("a", "audit_log"), names(at2.schema(), at2.graph().creationOrder()));
        assertEquals("2", at2.at());

        GraphResult filtered = new SchemaGraph(
                        Dialect.POSTGRESQL, null, new GraphFilter(List.of(), List.of(), List.of(), List.of("audit_*")))
                .build(chain, null);
        assertEquals(
                List.of("a", "c"), names(filtered.schema(), filtered.graph().creationOrder()));
        assertEquals(List.of(), filtered.schema().foreignKeys());
        assertEquals(1, filtered.replay().schema().foreignKeys().size(), "the replay keeps every table");

        GraphResult qualified = new SchemaGraph(
                        Dialect.POSTGRESQL,
                        null,
                        new GraphFilter(List.of(), List.of(), List.of("public.a*"), List.of()))
                .build(chain, null);
        assertEquals(
                List.of("a", "audit_log"),
                names(qualified.schema(), qualified.graph().creationOrder()));
    }

    @Test
    void migrationDependenciesFollowColumnsAndConstraints() {
        var chain = chain().migration("1", "users")
                .statement(create(t("users"), id("id")))
                .migration("2", "email")
                .statement(new Operation.AddColumn(t("users"), col("email", "text")))
                .migration("3", "unrelated")
                .statement(create(t("tags"), id("id")))
                .migration("4", "unique email")
                .statement(new Operation.AddConstraint(
                        t("users"), "users_email_uq", Operation.ConstraintKind.UNIQUE, List.of("email"), null, false))
                .migration("5", "drop unique")
                .statement(dropConstraint(t("users"), "users_email_uq", Operation.ConstraintKind.UNKNOWN))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        List<String> deps = r.replay().dependencies().stream()
                .map(d -> d.migration().id() + "->" + d.dependsOn().id())
                .toList();
        assertEquals(List.of("V2->V1", "V4->V1", "V4->V2", "V5->V1", "V5->V4"), deps);
    }

    @Test
    void droppingAReferencedColumnIsReportedAndNotAnalysableStatementsAreFlagged() {
        var chain = chain().migration("1", "base")
                .statement(create(t("users"), id("id"), col("code", "text")))
                .statement(create(t("refs"), id("id"), ref("user_code", t("users"), "code")))
                .migration("2", "drop")
                .statement(new Operation.DropColumn(t("users"), "code", false))
                .statement(new Operation.NotAnalysable("dynamic SQL"))
                .build();
        GraphResult r = graph(Dialect.POSTGRESQL, chain);
        assertEquals(
                List.of("graph-drop-referenced-column", "graph-not-analysable"),
                r.findings().stream().map(Finding::ruleId).toList());
        assertEquals(List.of(), edges(r.schema()));
    }

    @Test
    void longChainsAndManyTablesDoNotOverflowTheStack() {
        Chain c = chain().migration("1", "chain");
        c.statement(create(t("t00000"), id("id")));
        for (int i = 1; i < 20_000; i++) {
            c.statement(create(t(String.format("t%05d", i)), id("id"), ref("prev", t(String.format("t%05d", i - 1)))));
        }
        GraphResult r = graph(Dialect.POSTGRESQL, c.build());
        assertEquals(20_000, r.graph().creationOrder().size());
        assertEquals("t00000", r.graph().creationOrder().get(0).name());
        assertEquals(List.of(), r.cycles());
        assertNotNull(r.schema().table(new TableName("public", "t19999")));
    }

    private static Chain copy(Chain base) {
        // chains are builders: rebuild the base part for each variant
        List<MigrationStatements> built = base.build();
        Chain c = chain();
        for (MigrationStatements m : built) {
            c.migration(m.migration().version(), m.migration().description());
            for (var s : m.statements()) {
                c.statement(s.operations().toArray(new Operation[0]));
            }
        }
        return c;
    }
}
