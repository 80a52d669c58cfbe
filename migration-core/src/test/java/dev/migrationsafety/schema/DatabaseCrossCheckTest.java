package dev.migrationsafety.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import dev.migrationsafety.sql.SqlAnalysis;
import dev.migrationsafety.sql.SqlSplitter;
import dev.migrationsafety.sql.SqlStatement;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The graph derived from the SQL equals what a real database holds after running the same migrations: every table
 * and every foreign key (name, columns, referenced table and columns). Each test works in a database it creates
 * with a random name and drops at the end. Skips loudly when the server is unreachable, fails instead when
 * {@code -Dmigration.it.requireDatabases=true}.
 */
class DatabaseCrossCheckTest {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

    @Test
    void postgresqlForeignKeysEqualTheGraph() throws Exception {
        checkPostgresql("graph/crosscheck/postgresql");
    }

    /** The round trip's clean PostgreSQL chain (every object kind) gives the same foreign keys. */
    @Test
    void roundTripChainOnPostgresqlEqualsTheGraph() throws Exception {
        checkPostgresql("roundtrip/postgresql/clean/migration");
    }

    @Test
    void mariadbForeignKeysEqualTheGraph() throws Exception {
        checkMariadb("graph/crosscheck/mariadb");
    }

    /** The round trip's clean MariaDB chain gives the same foreign keys. */
    @Test
    void roundTripChainOnMariadbEqualsTheGraph() throws Exception {
        checkMariadb("roundtrip/mariadb/clean/migration");
    }

    /** Runs the chain in a new database and compares every table and foreign key of every schema with the graph. */
    private static void checkPostgresql(String resourceDir) throws Exception {
        Path dir = resource(resourceDir);
        String database =
                "graph_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = connect(PG_URL + "test", "postgres", "PostgreSQL")) {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            try {
                List<String> tables;
                List<String> keys;
                try (Connection c = connect(PG_URL + database, "postgres", "PostgreSQL")) {
                    run(c, dir, Dialect.POSTGRESQL);
                    tables = query(
                            c,
                            "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                                    + " WHERE table_type = 'BASE TABLE'"
                                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')");
                    keys = query(
                            c,
                            """
                            SELECT k.conname || ' ' || tn.nspname || '.' || t.relname || '(' ||
                                   (SELECT string_agg(a.attname, ',' ORDER BY u.ord)
                                      FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum)
                                   || ')->' || fn.nspname || '.' || f.relname || '(' ||
                                   (SELECT string_agg(a.attname, ',' ORDER BY u.ord)
                                      FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                                      JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum)
                                   || ')'
                              FROM pg_constraint k
                              JOIN pg_class t ON t.oid = k.conrelid
                              JOIN pg_namespace tn ON tn.oid = t.relnamespace
                              JOIN pg_class f ON f.oid = k.confrelid
                              JOIN pg_namespace fn ON fn.oid = f.relnamespace
                             WHERE k.contype = 'f'
                            """);
                }
                GraphResult graph = graph(dir, Dialect.POSTGRESQL, null);
                assertEquals(List.of(), graph.replay().findings(), "the chain is clean");
                assertEquals(
                        sorted(tables),
                        sorted(graph.schema().tables().stream()
                                .map(t -> t.name().qualified())
                                .toList()));
                assertEquals(sorted(keys), keys(graph, true));
            } finally {
                try (Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE " + database);
                }
            }
        }
    }

    private static void checkMariadb(String resourceDir) throws Exception {
        Path dir = resource(resourceDir);
        String database =
                "graph_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect(MARIADB_URL, "root", "MariaDB")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            try {
                c.setCatalog(database);
                run(c, dir, Dialect.MYSQL);
                List<String> tables = query(
                        c,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + database
                                + "' AND table_type = 'BASE TABLE'");
                List<String> keys = query(
                        c,
                        """
                        SELECT CONCAT(constraint_name, ' ', table_name, '(',
                                      GROUP_CONCAT(column_name ORDER BY ordinal_position SEPARATOR ','), ')->',
                                      referenced_table_name, '(',
                                      GROUP_CONCAT(referenced_column_name ORDER BY ordinal_position SEPARATOR ','), ')')
                          FROM information_schema.key_column_usage
                         WHERE table_schema = '%s' AND referenced_table_name IS NOT NULL
                         GROUP BY constraint_name, table_name, referenced_table_name
                        """
                                .formatted(database));
                GraphResult graph = graph(dir, Dialect.MYSQL, database);
                assertEquals(List.of(), graph.replay().findings(), "the chain is clean");
                assertEquals(sorted(tables), tables(graph));
                assertEquals(sorted(keys), keys(graph, false));
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + database);
                }
            }
        }
    }

    private static GraphResult graph(Path dir, Dialect dialect, String defaultSchema) throws IOException {
        SqlAnalysis analysis = new SqlAnalysis();
        List<MigrationStatements> chain = new ArrayList<>();
        for (Path file : migrations(dir)) {
            String name = file.getFileName().toString();
            FileAnalysis fa = analysis.analyze(name, Files.readString(file), dialect);
            String version = name.substring(1, name.indexOf("__"));
            chain.add(new MigrationStatements(new MigrationRef(version, name, name), fa.statements()));
        }
        return new SchemaGraph(dialect, defaultSchema, GraphFilter.all()).build(chain, null);
    }

    private static void run(Connection c, Path dir, Dialect dialect) throws IOException, SQLException {
        for (Path file : migrations(dir)) {
            for (SqlStatement st : new SqlSplitter(dialect)
                    .split(file.getFileName().toString(), Files.readString(file))
                    .statements()) {
                try (Statement s = c.createStatement()) {
                    s.execute(st.text());
                }
            }
        }
    }

    private static List<Path> migrations(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("V"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        }
    }

    private static int version(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.indexOf("__")));
    }

    private static List<String> tables(GraphResult graph) {
        return sorted(graph.schema().tables().stream().map(t -> t.name().name()).toList());
    }

    private static List<String> keys(GraphResult graph, boolean qualified) {
        return sorted(graph.schema().foreignKeys().stream()
                .map(fk -> fk.name() + " "
                        + (qualified ? fk.table().qualified() : fk.table().name()) + "("
                        + String.join(",", fk.columns()) + ")->"
                        + (qualified ? fk.target().qualified() : fk.target().name()) + "("
                        + String.join(",", fk.targetColumns()) + ")")
                .toList());
    }

    private static List<String> sorted(List<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Connection connect(String url, String user, String server) {
        try {
            return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            String message = server + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if (Boolean.getBoolean("migration.it.requireDatabases")) {
                fail(message + "; migration.it.requireDatabases=true demands it");
            }
            System.err.println("*** SKIPPED graph cross-check: " + message
                    + "; set -Dmigration.it.requireDatabases=true to make this a failure ***");
            assumeTrue(false, message);
            throw new AssertionError("unreachable");
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                DatabaseCrossCheckTest.class.getClassLoader().getResource(name).toURI());
    }
}
