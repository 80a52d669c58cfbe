package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutation tests for the critical checks: each dangerous statement, rewritten the ways real migrations (or someone
 * trying to get past a reviewer) write it, must still be found. Templates have one space between tokens and
 * {@code {t}} where the object name goes.
 */
class CriticalMutationTest {

    /** @param only the one dialect the statement exists in, or {@code null} for both */
    record Seed(String check, String template, boolean tableName, Dialect only) {
        Seed(String check, String template, boolean tableName) {
            this(check, template, tableName, null);
        }
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("drop-database", "DROP DATABASE {t}", false),
            new Seed("drop-schema", "DROP SCHEMA {t}", false),
            new Seed("drop-table", "DROP TABLE {t}", true),
            new Seed("drop-column", "ALTER TABLE {t} DROP COLUMN email", true),
            new Seed("truncate", "TRUNCATE TABLE {t}", true),
            new Seed("delete-without-where", "DELETE FROM {t}", true),
            new Seed("update-without-where", "UPDATE {t} SET email = NULL", true),
            // a WHERE that is always true is no WHERE
            new Seed("delete-without-where", "DELETE FROM {t} WHERE 1 = 1", true),
            new Seed("delete-without-where", "DELETE FROM {t} WHERE email IS NULL OR email IS NOT NULL", true),
            new Seed("update-without-where", "UPDATE {t} SET email = NULL WHERE true", true),
            new Seed("update-without-where", "UPDATE {t} SET email = NULL WHERE ( 2 > 1 )", true),
            new Seed("delete-without-where", "DELETE FROM {t} WHERE 1 IN ( 1 , 2 )", true),
            new Seed(
                    "update-without-where",
                    "UPDATE {t} SET email = NULL WHERE true::boolean",
                    true,
                    Dialect.POSTGRESQL),
            // a WHERE that does not read the row: every row or none
            new Seed("delete-without-where", "DELETE FROM {t} WHERE now() > '2020-01-01'", true),
            new Seed("delete-without-where", "DELETE FROM {t} WHERE EXISTS ( SELECT 1 )", true),
            new Seed("update-without-where", "UPDATE {t} SET email = NULL WHERE current_user = 'app'", true),
            new Seed("update-without-where", "UPDATE {t} SET email = NULL WHERE @flag = 1", true, Dialect.MYSQL),
            new Seed("cascade", "DROP TABLE {t} CASCADE", true),
            new Seed("drop-type", "DROP TYPE {t}", true),
            new Seed("drop-partition", "ALTER TABLE {t} DROP PARTITION p2019", true, Dialect.MYSQL),
            new Seed("truncate-partition", "ALTER TABLE {t} TRUNCATE PARTITION p2019", true, Dialect.MYSQL),
            new Seed("blackhole-engine", "ALTER TABLE {t} ENGINE=BLACKHOLE", true, Dialect.MYSQL),
            new Seed("discard-tablespace", "ALTER TABLE {t} DISCARD TABLESPACE", true, Dialect.MYSQL),
            new Seed("drop-owned", "DROP OWNED BY {t}", false, Dialect.POSTGRESQL),
            new Seed("rewrite-rule", "CREATE RULE r AS ON DELETE TO {t} DO INSTEAD NOTHING", true, Dialect.POSTGRESQL),
            new Seed("server-program", "COPY {t} TO PROGRAM 'id'", true, Dialect.POSTGRESQL),
            new Seed("server-file", "COPY {t} FROM '/tmp/u.csv'", true, Dialect.POSTGRESQL),
            new Seed("server-file", "SELECT pg_read_file('/etc/passwd')", false, Dialect.POSTGRESQL),
            new Seed("server-file", "SELECT * FROM {t} INTO OUTFILE '/tmp/u.csv'", true, Dialect.MYSQL),
            new Seed("server-file", "LOAD DATA INFILE '/tmp/u.csv' INTO TABLE {t}", true, Dialect.MYSQL),
            new Seed("untrusted-language", "CREATE EXTENSION plpython3u", false, Dialect.POSTGRESQL),
            new Seed("alter-system", "ALTER SYSTEM SET work_mem = '64MB'", false, Dialect.POSTGRESQL),
            new Seed("alter-system", "SET GLOBAL general_log = 1", false, Dialect.MYSQL));

    static Stream<Arguments> mutants() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.MYSQL)) {
            for (Seed seed : SEEDS) {
                if (d == Dialect.MYSQL
                        && (seed.check().equals("drop-type") || seed.check().equals("cascade"))) {
                    continue; // MySQL has no DROP TYPE, and its CASCADE does nothing
                }
                if (seed.only() != null && seed.only() != d) {
                    continue;
                }
                for (String mutant : mutate(seed, d)) {
                    out.add(Arguments.of(d, seed.check(), mutant));
                }
            }
        }
        return out.stream();
    }

    private static List<String> mutate(Seed seed, Dialect d) {
        String q = d == Dialect.MYSQL ? "`" : "\"";
        String plain = seed.template().replace("{t}", "users");
        List<String> m = new ArrayList<>();
        m.add(plain);
        m.add(plain.toLowerCase(Locale.ROOT));
        m.add(alternateCase(plain));
        m.add(seed.template().replace("{t}", q + "Users" + q));
        if (seed.tableName()) {
            m.add(seed.template().replace("{t}", "app.users"));
            m.add(seed.template().replace("{t}", q + "app" + q + "." + q + "Users" + q));
        }
        m.add(joinTokens(plain, " /* keep? */ "));
        m.add(joinTokens(plain, " -- note\n"));
        m.add(joinTokens(plain, "\n\n\n"));
        m.add(joinTokens(plain, "\t"));
        m.add("SELECT 1; " + plain + "; SELECT 2");
        m.add("INSERT INTO log VALUES ('a;b'); " + plain);
        if (seed.check().equals("drop-column")) {
            m.add("ALTER TABLE users ADD COLUMN nick text, DROP COLUMN email, ALTER COLUMN name SET DEFAULT 'x'");
            m.add("ALTER TABLE users DROP COLUMN email, ADD COLUMN nick text");
            m.add("ALTER TABLE users ADD COLUMN nick text, DROP email");
            m.add("ALTER TABLE users ADD COLUMN " + q + "drop" + q + " text, DROP COLUMN email");
        }
        boolean tautology = seed.template().contains("WHERE");
        if (seed.check().equals("delete-without-where") && !tautology) {
            m.add(plain + " /* WHERE id = 1 */");
            m.add(plain + " -- WHERE id = 1");
            m.add("DELETE FROM users WHERE_clause_missing");
            m.add("DELETE FROM users\n\n\n");
        }
        if (seed.check().equals("update-without-where") && !tautology) {
            m.add("UPDATE users SET email = (SELECT e FROM emails WHERE emails.id = users.id)");
            m.add(plain + " /* WHERE id = 1 */");
        }
        if (d == Dialect.POSTGRESQL) {
            m.add("DO $$ BEGIN " + plain + "; END $$");
            m.add("DO $do$ BEGIN IF true THEN " + plain + "; END IF; END $do$");
            m.add("CREATE OR REPLACE FUNCTION f() RETURNS void AS $body$ BEGIN " + plain
                    + "; END $body$ LANGUAGE plpgsql");
            m.add("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS 'BEGIN " + plain.replace("'", "''") + "; END'");
        } else {
            m.add("DELIMITER //\nCREATE PROCEDURE p() BEGIN " + plain + "; END //\nDELIMITER ;");
            m.add("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; " + plain + "; END $$\nDELIMITER ;");
        }
        return m;
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("mutants")
    void noMutantSlipsThrough(Dialect dialect, String check, String sql) {
        List<String> ids = StatementSuiteTest.ids(StatementSuiteTest.lint(dialect, sql + ";\n"));
        assertTrue(ids.contains(check), () -> check + " not found in " + dialect.id() + ": " + sql + " -> " + ids);
    }

    private static String joinTokens(String sql, String separator) {
        return String.join(separator, sql.split(" "));
    }

    private static String alternateCase(String sql) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : sql.toCharArray()) {
            b.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
            up = Character.isLetter(c) ? !up : up;
        }
        return b.toString();
    }
}
