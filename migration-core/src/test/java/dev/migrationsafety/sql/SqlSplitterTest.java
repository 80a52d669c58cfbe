package dev.migrationsafety.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlSplitterTest {

    private static SplitResult split(Dialect dialect, String sql) {
        return new SqlSplitter(dialect).split("V1__x.sql", sql);
    }

    private static List<String> texts(SplitResult result) {
        return result.statements().stream().map(SqlStatement::text).toList();
    }

    /** name, dialect, file content, the statements expected (text, "line:column" of each). */
    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of(
                        "plain statements on several lines and one line",
                        Dialect.POSTGRESQL,
                        """
                        CREATE TABLE users (id bigint PRIMARY KEY, name text);
                        ALTER TABLE users ADD COLUMN email text; DROP TABLE old_users;
                        """,
                        List.of(
                                "1:1|CREATE TABLE users (id bigint PRIMARY KEY, name text)",
                                "2:1|ALTER TABLE users ADD COLUMN email text",
                                "2:42|DROP TABLE old_users")),
                Arguments.of(
                        "semicolon inside a string, a doubled quote and an E string escape",
                        Dialect.POSTGRESQL,
                        """
                        INSERT INTO settings (k, v) VALUES ('sep', 'a;b');
                        INSERT INTO settings (k, v) VALUES ('q', 'it''s; fine');
                        INSERT INTO settings (k, v) VALUES ('e', E'\\'; still a string');
                        DELETE FROM settings WHERE k = 'x';
                        """,
                        List.of(
                                "1:1|INSERT INTO settings (k, v) VALUES ('sep', 'a;b')",
                                "2:1|INSERT INTO settings (k, v) VALUES ('q', 'it''s; fine')",
                                "3:1|INSERT INTO settings (k, v) VALUES ('e', E'\\'; still a string')",
                                "4:1|DELETE FROM settings WHERE k = 'x'")),
                Arguments.of(
                        "pg_dump comment headers with semicolons",
                        Dialect.POSTGRESQL,
                        """
                        --
                        -- Name: accounts; Type: TABLE; Schema: public; Owner: app
                        --

                        CREATE TABLE public.accounts (
                            id integer NOT NULL
                        );

                        --
                        -- Name: accounts_id_seq; Type: SEQUENCE; Schema: public; Owner: app
                        --

                        CREATE SEQUENCE public.accounts_id_seq START WITH 1;
                        """,
                        List.of(
                                "5:1|CREATE TABLE public.accounts (\n    id integer NOT NULL\n)",
                                "13:1|CREATE SEQUENCE public.accounts_id_seq START WITH 1")),
                Arguments.of(
                        "function body in dollar quotes containing DDL and semicolons",
                        Dialect.POSTGRESQL,
                        """
                        CREATE OR REPLACE FUNCTION purge() RETURNS void AS $$
                        BEGIN
                            ALTER TABLE audit DROP COLUMN payload;
                            TRUNCATE audit_tmp;
                        END;
                        $$ LANGUAGE plpgsql;
                        SELECT purge();
                        """,
                        List.of(
                                "1:1|CREATE OR REPLACE FUNCTION purge() RETURNS void AS $$\nBEGIN\n"
                                        + "    ALTER TABLE audit DROP COLUMN payload;\n    TRUNCATE audit_tmp;\n"
                                        + "END;\n$$ LANGUAGE plpgsql",
                                "7:1|SELECT purge()")),
                Arguments.of(
                        "tagged dollar quotes nesting another tag",
                        Dialect.POSTGRESQL,
                        """
                        CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $body$
                        BEGIN
                          EXECUTE $q$DROP TABLE x; SELECT 1$q$;
                          RETURN $$;$$;
                        END $body$;
                        DROP FUNCTION g;
                        """,
                        List.of(
                                "1:1|CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $body$\nBEGIN\n"
                                        + "  EXECUTE $q$DROP TABLE x; SELECT 1$q$;\n  RETURN $$;$$;\nEND $body$",
                                "6:1|DROP FUNCTION g")),
                Arguments.of(
                        "DO block",
                        Dialect.POSTGRESQL,
                        """
                        DO $$
                        BEGIN
                          IF EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
                            DROP TYPE mood;
                          END IF;
                        END
                        $$;
                        CREATE TYPE mood AS ENUM ('sad', 'ok');
                        """,
                        List.of(
                                "1:1|DO $$\nBEGIN\n  IF EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN\n"
                                        + "    DROP TYPE mood;\n  END IF;\nEND\n$$",
                                "8:1|CREATE TYPE mood AS ENUM ('sad', 'ok')")),
                Arguments.of(
                        "nested block comments with semicolons and quotes",
                        Dialect.POSTGRESQL,
                        """
                        /* outer; /* inner; it's */ still comment; */
                        ALTER TABLE t /* a; b */ DROP COLUMN c;
                        """,
                        List.of("2:1|ALTER TABLE t /* a; b */ DROP COLUMN c")),
                Arguments.of(
                        "psql backslash commands are not statements",
                        Dialect.POSTGRESQL,
                        """
                        \\set ON_ERROR_STOP on
                        \\connect app
                        CREATE INDEX CONCURRENTLY idx_users_email ON users (lower(email::text));
                        """,
                        List.of("3:1|CREATE INDEX CONCURRENTLY idx_users_email ON users (lower(email::text))")),
                Arguments.of(
                        "Flyway placeholders",
                        Dialect.POSTGRESQL,
                        """
                        GRANT SELECT ON ${schema}.users TO ${flyway:user};
                        ALTER TABLE ${schema}.users DROP COLUMN legacy;
                        """,
                        List.of(
                                "1:1|GRANT SELECT ON ${schema}.users TO ${flyway:user}",
                                "2:1|ALTER TABLE ${schema}.users DROP COLUMN legacy")),
                Arguments.of(
                        "three blank lines inside a statement keep it one statement",
                        Dialect.POSTGRESQL,
                        "DELETE FROM sessions\n\n\n\nWHERE expires_at < now();\nVACUUM sessions;\n",
                        List.of("1:1|DELETE FROM sessions\n\n\n\nWHERE expires_at < now()", "6:1|VACUUM sessions")),
                Arguments.of(
                        "CRLF line endings",
                        Dialect.POSTGRESQL,
                        "-- header\r\nCREATE TABLE a (x int);\r\n\r\n  DROP TABLE b;\r\n",
                        List.of("2:1|CREATE TABLE a (x int)", "4:3|DROP TABLE b")),
                Arguments.of(
                        "semicolon inside parentheses of CREATE RULE",
                        Dialect.POSTGRESQL,
                        """
                        CREATE RULE log_delete AS ON DELETE TO users DO ALSO (
                          INSERT INTO audit VALUES (old.id); UPDATE stats SET n = n - 1
                        );
                        DROP RULE old_rule ON users;
                        """,
                        List.of(
                                "1:1|CREATE RULE log_delete AS ON DELETE TO users DO ALSO (\n"
                                        + "  INSERT INTO audit VALUES (old.id); UPDATE stats SET n = n - 1\n)",
                                "4:1|DROP RULE old_rule ON users")),
                Arguments.of(
                        "SQL-standard function body BEGIN ATOMIC ... END with CASE",
                        Dialect.POSTGRESQL,
                        """
                        CREATE FUNCTION grade(score int) RETURNS text LANGUAGE sql
                        BEGIN ATOMIC
                          SELECT CASE WHEN score > 50 THEN 'pass' ELSE 'fail' END;
                          DELETE FROM scratch;
                        END;
                        ALTER TABLE results DROP COLUMN grade;
                        """,
                        List.of(
                                "1:1|CREATE FUNCTION grade(score int) RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n"
                                        + "  SELECT CASE WHEN score > 50 THEN 'pass' ELSE 'fail' END;\n"
                                        + "  DELETE FROM scratch;\nEND",
                                "6:1|ALTER TABLE results DROP COLUMN grade")),
                Arguments.of(
                        "SQL-standard function with RETURN expr ends at its semicolon",
                        Dialect.POSTGRESQL,
                        """
                        CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql RETURN a + b;
                        DROP TABLE t;
                        """,
                        List.of(
                                "1:1|CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql RETURN a + b",
                                "2:1|DROP TABLE t")),
                Arguments.of(
                        "transaction BEGIN is a statement of its own",
                        Dialect.POSTGRESQL,
                        "BEGIN;\nDROP TABLE a;\nCOMMIT;\n",
                        List.of("1:1|BEGIN", "2:1|DROP TABLE a", "3:1|COMMIT")),
                Arguments.of(
                        "quoted identifiers containing semicolons and quotes",
                        Dialect.POSTGRESQL,
                        "ALTER TABLE \"odd;name\" DROP COLUMN \"a\"\"b;\";\nSELECT 1;",
                        List.of("1:1|ALTER TABLE \"odd;name\" DROP COLUMN \"a\"\"b;\"", "2:1|SELECT 1")),
                Arguments.of(
                        "empty statements and a last statement without terminator",
                        Dialect.POSTGRESQL,
                        ";;\nCREATE TABLE a (x int);;\n  DROP TABLE a",
                        List.of("2:1|CREATE TABLE a (x int)", "3:3|DROP TABLE a")),
                Arguments.of(
                        "MySQL DELIMITER with a procedure body",
                        Dialect.MYSQL,
                        """
                        DELIMITER //
                        CREATE PROCEDURE cleanup()
                        BEGIN
                          DELETE FROM sessions WHERE expired = 1;
                          ALTER TABLE logs DROP COLUMN payload;
                        END //
                        DELIMITER ;
                        CALL cleanup();
                        """,
                        List.of(
                                "2:1|CREATE PROCEDURE cleanup()\nBEGIN\n  DELETE FROM sessions WHERE expired = 1;\n"
                                        + "  ALTER TABLE logs DROP COLUMN payload;\nEND",
                                "8:1|CALL cleanup()")),
                Arguments.of(
                        "MySQL DELIMITER $$ (not a dollar quote in MySQL)",
                        Dialect.MYSQL,
                        """
                        DELIMITER $$
                        CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW
                        BEGIN
                          SET NEW.created = NOW();
                        END$$
                        DELIMITER ;
                        DROP TABLE x;
                        """,
                        List.of(
                                "2:1|CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n"
                                        + "  SET NEW.created = NOW();\nEND",
                                "7:1|DROP TABLE x")),
                Arguments.of(
                        "MySQL procedure without DELIMITER, with IF, LOOP, CASE and labels",
                        Dialect.MYSQL,
                        """
                        CREATE DEFINER=`root`@`%` PROCEDURE p(IN n INT)
                        lbl: BEGIN
                          DECLARE i INT DEFAULT 0;
                          IF n > 0 THEN SET i = 1; END IF;
                          l2: LOOP SET i = i + 1; IF i > n THEN LEAVE l2; END IF; END LOOP l2;
                          CASE i WHEN 1 THEN SELECT 1; ELSE SELECT CASE WHEN i > 2 THEN 3 END; END CASE;
                          BEGIN DELETE FROM t; END;
                        END lbl;
                        ALTER TABLE t DROP FOREIGN KEY fk_t;
                        """,
                        List.of(
                                "1:1|CREATE DEFINER=`root`@`%` PROCEDURE p(IN n INT)\nlbl: BEGIN\n"
                                        + "  DECLARE i INT DEFAULT 0;\n  IF n > 0 THEN SET i = 1; END IF;\n"
                                        + "  l2: LOOP SET i = i + 1; IF i > n THEN LEAVE l2; END IF; END LOOP l2;\n"
                                        + "  CASE i WHEN 1 THEN SELECT 1; ELSE SELECT CASE WHEN i > 2 THEN 3 END;"
                                        + " END CASE;\n  BEGIN DELETE FROM t; END;\nEND lbl",
                                "9:1|ALTER TABLE t DROP FOREIGN KEY fk_t")),
                Arguments.of(
                        "MySQL WHILE and REPEAT loops, a trigger without a body",
                        Dialect.MYSQL,
                        """
                        CREATE FUNCTION fib(n INT) RETURNS INT DETERMINISTIC
                        BEGIN
                          DECLARE a INT DEFAULT 0;
                          WHILE n > 0 DO SET n = n - 1; END WHILE;
                          REPEAT SET a = a + 1; UNTIL a > 3 END REPEAT;
                          RETURN a;
                        END;
                        CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;
                        DROP TABLE s;
                        """,
                        List.of(
                                "1:1|CREATE FUNCTION fib(n INT) RETURNS INT DETERMINISTIC\nBEGIN\n"
                                        + "  DECLARE a INT DEFAULT 0;\n  WHILE n > 0 DO SET n = n - 1; END WHILE;\n"
                                        + "  REPEAT SET a = a + 1; UNTIL a > 3 END REPEAT;\n  RETURN a;\nEND",
                                "8:1|CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1",
                                "9:1|DROP TABLE s")),
                Arguments.of(
                        "MySQL ALTER EVENT with a body",
                        Dialect.MYSQL,
                        "ALTER EVENT purge ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM s; DELETE FROM t; END;\n"
                                + "DROP TABLE s;",
                        List.of(
                                "1:1|ALTER EVENT purge ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM s; DELETE FROM t; END",
                                "2:1|DROP TABLE s")),
                Arguments.of(
                        "a routine parameter named begin opens no block",
                        Dialect.POSTGRESQL,
                        "CREATE FUNCTION span(begin int, finish int) RETURNS int LANGUAGE sql RETURN finish - begin;\n"
                                + "DROP TABLE t;",
                        List.of(
                                "1:1|CREATE FUNCTION span(begin int, finish int) RETURNS int LANGUAGE sql RETURN finish - begin",
                                "2:1|DROP TABLE t")),
                Arguments.of(
                        "PostgreSQL END as COMMIT and columns named begin and end",
                        Dialect.POSTGRESQL,
                        "BEGIN;\nCREATE TABLE spans (\"begin\" int, \"end\" int);\nEND;\nDROP TABLE t;",
                        List.of(
                                "1:1|BEGIN",
                                "2:1|CREATE TABLE spans (\"begin\" int, \"end\" int)",
                                "3:1|END",
                                "4:1|DROP TABLE t")),
                Arguments.of(
                        "MySQL # comments, backticks, backslash escapes and double-quoted strings",
                        Dialect.MYSQL,
                        """
                        # drop the old column; it is unused
                        ALTER TABLE `order;s` DROP COLUMN `note`; -- trailing; comment
                        INSERT INTO t VALUES ('it\\'s; ok', "say \\"hi\\"; now");
                        """,
                        List.of(
                                "2:1|ALTER TABLE `order;s` DROP COLUMN `note`",
                                "3:1|INSERT INTO t VALUES ('it\\'s; ok', \"say \\\"hi\\\"; now\")")),
                Arguments.of(
                        "MySQL -- needs a space to be a comment",
                        Dialect.MYSQL,
                        "UPDATE t SET a = a--1;\nDROP TABLE u;",
                        List.of("1:1|UPDATE t SET a = a--1", "2:1|DROP TABLE u")),
                Arguments.of(
                        "MySQL executable comments from mysqldump",
                        Dialect.MYSQL,
                        """
                        /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                        /*!40014 SET FOREIGN_KEY_CHECKS=0 */;
                        DROP TABLE IF EXISTS `users`;
                        """,
                        List.of(
                                "1:1|/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */",
                                "2:1|/*!40014 SET FOREIGN_KEY_CHECKS=0 */",
                                "3:1|DROP TABLE IF EXISTS `users`")),
                Arguments.of(
                        "MariaDB BEGIN NOT ATOMIC block",
                        Dialect.MYSQL,
                        "BEGIN NOT ATOMIC\n  DELETE FROM a;\n  DELETE FROM b;\nEND;\nSELECT 1;",
                        List.of("1:1|BEGIN NOT ATOMIC\n  DELETE FROM a;\n  DELETE FROM b;\nEND", "5:1|SELECT 1")),
                Arguments.of(
                        "H2 // comments and $$ strings",
                        Dialect.H2,
                        """
                        // create the alias; java source follows
                        CREATE ALIAS rev AS $$ String rev(String s) { return s; } $$;
                        DROP TABLE t;
                        """,
                        List.of(
                                "2:1|CREATE ALIAS rev AS $$ String rev(String s) { return s; } $$",
                                "3:1|DROP TABLE t")),
                Arguments.of(
                        "generic dialect takes E strings, dollar quotes and nested comments",
                        Dialect.GENERIC,
                        "/* a /* b; */ c; */ SELECT E'\\';', $$;$$;\nDROP TABLE t;",
                        List.of("1:21|SELECT E'\\';', $$;$$", "2:1|DROP TABLE t")),
                Arguments.of(
                        "pg_dump COPY ... FROM stdin data is not SQL",
                        Dialect.POSTGRESQL,
                        "COPY public.notes (id, body) FROM stdin;\n1\tit's; /* not a comment\n2\t\\N\n\\.\n"
                                + "DROP TABLE old_notes;\n",
                        List.of("1:1|COPY public.notes (id, body) FROM stdin", "5:1|DROP TABLE old_notes")),
                Arguments.of(
                        "COPY to stdout and from a file have no data lines",
                        Dialect.POSTGRESQL,
                        "COPY (SELECT 1 FROM t) TO STDOUT;\nCOPY t FROM '/srv/import/notes.csv';\nSELECT 2;",
                        List.of(
                                "1:1|COPY (SELECT 1 FROM t) TO STDOUT",
                                "2:1|COPY t FROM '/srv/import/notes.csv'",
                                "3:1|SELECT 2")),
                Arguments.of(
                        "unicode text and a tab before the statement",
                        Dialect.POSTGRESQL,
                        "COMMENT ON TABLE t IS 'Größe; 大小';\n\tDROP TABLE t;",
                        List.of("1:1|COMMENT ON TABLE t IS 'Größe; 大小'", "2:2|DROP TABLE t")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void splitsAndPlacesStatements(String name, Dialect dialect, String sql, List<String> expected) {
        SplitResult result = split(dialect, sql);
        List<String> actual = result.statements().stream()
                .map(s -> s.line() + ":" + s.column() + "|" + s.text())
                .toList();
        assertEquals(expected, actual);
        assertEquals(List.of(), result.problems());
    }

    @Test
    void backslashCommandsAreReportedAsCommands() {
        SplitResult result = split(Dialect.POSTGRESQL, "\\connect app\nSELECT 1;\n  \\i other.sql\n");
        assertEquals(
                List.of(
                        new ClientCommand("V1__x.sql", 1, 1, "\\connect app"),
                        new ClientCommand("V1__x.sql", 3, 3, "\\i other.sql")),
                result.commands());
        assertEquals(List.of("SELECT 1"), texts(result));
    }

    @Test
    void backslashCommandEndsTheStatementBeforeIt() {
        SplitResult result = split(Dialect.POSTGRESQL, "SELECT 1\n\\gset\nDROP TABLE t;");
        assertEquals(List.of("SELECT 1", "DROP TABLE t"), texts(result));
        assertEquals(1, result.commands().size());
    }

    @Test
    void backslashIsNotACommandInMySql() {
        SplitResult result = split(Dialect.MYSQL, "SELECT 'a\\\\'; DROP TABLE t;");
        assertEquals(List.of("SELECT 'a\\\\'", "DROP TABLE t"), texts(result));
        assertEquals(List.of(), result.commands());
    }

    @Test
    void leadingCommentsBelongToTheNextStatementNotTrailingOnes() {
        String sql =
                """
                -- migration:allow-file drop-table reason="legacy schema"
                DROP TABLE a; -- trailing comment of a
                -- migration:allow drop-column reason="unused since 2.3"
                /* second */
                ALTER TABLE b DROP COLUMN c;
                """;
        SplitResult result = split(Dialect.POSTGRESQL, sql);
        List<SqlStatement> statements = result.statements();
        assertEquals(
                List.of("-- migration:allow-file drop-table reason=\"legacy schema\""),
                statements.get(0).leadingComments().stream().map(Token::text).toList());
        assertEquals(
                List.of("-- migration:allow drop-column reason=\"unused since 2.3\"", "/* second */"),
                statements.get(1).leadingComments().stream().map(Token::text).toList());
        assertEquals(3, statements.get(1).leadingComments().get(0).line());
        assertEquals(4, result.comments().size());
        assertEquals(2, result.comments().get(1).line());
    }

    @Test
    void aCommentBetweenTwoStatementsOnOneLineLeadsTheSecond() {
        SplitResult result =
                split(Dialect.POSTGRESQL, "SELECT 1; /* allow */ DROP TABLE x; -- after\n-- next\nSELECT 2;");
        assertEquals(List.of(), result.statements().get(0).leadingComments());
        assertEquals(
                List.of("/* allow */"),
                result.statements().get(1).leadingComments().stream()
                        .map(Token::text)
                        .toList());
        assertEquals(
                List.of("-- next"),
                result.statements().get(2).leadingComments().stream()
                        .map(Token::text)
                        .toList());
    }

    @Test
    void commentsBeforeADelimiterDirectiveStayWithTheRoutine() {
        String sql = "-- the cleanup procedure\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\n";
        SqlStatement statement = split(Dialect.MYSQL, sql).statements().get(0);
        assertEquals(3, statement.line());
        assertEquals(
                "-- the cleanup procedure", statement.leadingComments().get(0).text());
    }

    @Test
    void statementTokensCarryFilePositionsAndSemicolonsArePunctuation() {
        String sql = "SELECT 1;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC SELECT 1; END;";
        SqlStatement statement = split(Dialect.POSTGRESQL, sql).statements().get(1);
        List<Token> tokens = statement.tokens();
        Token first = tokens.get(0);
        assertEquals(new Token(TokenType.WORD, "CREATE", 2, 1, 10, 16), first);
        Token semicolon =
                tokens.stream().filter(t -> t.text().equals(";")).findFirst().orElseThrow();
        assertEquals(TokenType.PUNCTUATION, semicolon.type());
        assertEquals(3, semicolon.line());
        assertEquals(22, semicolon.column());
        assertEquals(";", sql.substring(semicolon.start(), semicolon.end()));
        assertTrue(tokens.stream().noneMatch(t -> t.type() == TokenType.DELIMITER));
    }

    @Test
    void statementTokensOfACustomDelimiterBodyHaveNoDelimiter() {
        String sql = "DELIMITER //\nCREATE PROCEDURE p() BEGIN DELETE FROM t; END //\nDELIMITER ;\n";
        SqlStatement statement = split(Dialect.MYSQL, sql).statements().get(0);
        assertEquals(
                List.of("CREATE", "PROCEDURE", "p", "(", ")", "BEGIN", "DELETE", "FROM", "t", ";", "END"),
                statement.significantTokens().stream().map(Token::text).toList());
    }

    @Test
    void streamingListenerSeesStatementsInOrder() {
        StringBuilder seen = new StringBuilder();
        new SqlSplitter(Dialect.POSTGRESQL).split("f.sql", "SELECT 1; SELECT 2;", s -> seen.append(s.text())
                .append('|'));
        assertEquals("SELECT 1|SELECT 2|", seen.toString());
    }

    @Test
    void fourArgumentStatementLexesAsGenericSql() {
        SqlStatement statement = new SqlStatement("V1__x.sql", 3, 5, "DROP TABLE \"t\"");
        assertEquals(Dialect.GENERIC, statement.dialect());
        List<Token> tokens = statement.tokens();
        assertEquals(new Token(TokenType.QUOTED_IDENTIFIER, "\"t\"", 3, 16, 11, 14), tokens.get(2));
        assertEquals(List.of(), statement.leadingComments());
    }

    @Test
    void endLineCountsTheStatementsLines() {
        SqlStatement statement = split(Dialect.POSTGRESQL, "\n\nDELETE FROM t\n\nWHERE a = 1;")
                .statements()
                .get(0);
        assertEquals(3, statement.line());
        assertEquals(5, statement.endLine());
    }

    static final String REALISTIC_POSTGRESQL =
            """
                --
                -- PostgreSQL database dump; Dumped by pg_dump version 18.0
                --
                SET statement_timeout = 0;
                SELECT pg_catalog.set_config('search_path', '', false);

                CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
                ALTER TYPE public.mood ADD VALUE 'meh' BEFORE 'ok';

                CREATE TABLE public.events (
                    id bigint NOT NULL,
                    "local" boolean, read boolean, path text, action text, locked boolean, comments text,
                    CONSTRAINT events_id_not_null NOT NULL id
                );
                ALTER TABLE public.events ADD CHECK (id > 0);
                ALTER TABLE ONLY public.events
                    ADD CONSTRAINT events_owner_fk FOREIGN KEY (owner_id) REFERENCES public.users(id)
                    DEFERRABLE INITIALLY DEFERRED NOT VALID;
                ALTER TABLE public.events DROP COLUMN comments, ADD COLUMN note text, ALTER COLUMN path SET DATA TYPE
                    varchar(200), ALTER COLUMN read TYPE integer USING read::integer;
                ALTER SEQUENCE public.events_id_seq RENAME TO events_seq;
                CREATE INDEX CONCURRENTLY events_path_idx ON public.events USING btree (lower((path)::text));
                DROP INDEX CONCURRENTLY IF EXISTS public.events_old_idx;

                CREATE FUNCTION public.stop_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $_$
                BEGIN
                    RAISE EXCEPTION 'no DDL; ask the DBA';
                END;
                $_$;
                CREATE EVENT TRIGGER stop_ddl ON ddl_command_start EXECUTE FUNCTION public.stop_ddl();
                DROP TYPE public.old_mood CASCADE;
                """;

    static final String REALISTIC_MYSQL =
            """
                -- MySQL dump 10.13; Host: localhost
                /*!40101 SET NAMES utf8mb4 */;
                # the accounts table; keep the FK names
                CREATE TABLE `accounts` (
                  `id` int NOT NULL AUTO_INCREMENT, -- primary; key
                  `status` enum('a;b','c') DEFAULT 'a;b',
                  PRIMARY KEY (`id`)
                ) ENGINE=InnoDB;
                LOCK TABLES `accounts` WRITE;
                INSERT INTO `accounts` VALUES (1,'a;b'),(2,'it\\'s');
                UNLOCK TABLES;
                ALTER TABLE orders DROP FOREIGN KEY fk_orders_accounts;
                ALTER TABLE orders ADD (CONSTRAINT fk_o_a FOREIGN KEY (account_id) REFERENCES accounts (id));
                DELIMITER $$
                CREATE TRIGGER accounts_bi BEFORE INSERT ON accounts FOR EACH ROW
                BEGIN
                  IF NEW.status IS NULL THEN SET NEW.status = 'c'; END IF;
                END$$
                DELIMITER ;
                DROP TABLE IF EXISTS legacy;
                """;

    /** A realistic file with the constructs real PostgreSQL migration sets use; each statement's start and head. */
    @Test
    void splitsARealisticPostgresqlMigration() {
        List<String> heads = split(Dialect.POSTGRESQL, REALISTIC_POSTGRESQL).statements().stream()
                .map(st -> st.line() + ":" + st.column() + " "
                        + Arrays.stream(st.text().split("\\s+")).limit(3).collect(Collectors.joining(" ")))
                .toList();
        assertEquals(
                List.of(
                        "4:1 SET statement_timeout =",
                        "5:1 SELECT pg_catalog.set_config('search_path', '',",
                        "7:1 CREATE TYPE public.mood",
                        "8:1 ALTER TYPE public.mood",
                        "10:1 CREATE TABLE public.events",
                        "15:1 ALTER TABLE public.events",
                        "16:1 ALTER TABLE ONLY",
                        "19:1 ALTER TABLE public.events",
                        "21:1 ALTER SEQUENCE public.events_id_seq",
                        "22:1 CREATE INDEX CONCURRENTLY",
                        "23:1 DROP INDEX CONCURRENTLY",
                        "25:1 CREATE FUNCTION public.stop_ddl()",
                        "30:1 CREATE EVENT TRIGGER",
                        "31:1 DROP TYPE public.old_mood"),
                heads);
    }

    /** A realistic MySQL file: dump header, backticks, LOCK TABLES, ADD (CONSTRAINT ...), a DELIMITER trigger. */
    @Test
    void splitsARealisticMysqlMigration() {
        List<String> starts = split(Dialect.MYSQL, REALISTIC_MYSQL).statements().stream()
                .map(st -> st.line() + ":" + st.column() + " " + st.text().split("\\s+")[0])
                .toList();
        assertEquals(
                List.of(
                        "2:1 /*!40101",
                        "4:1 CREATE",
                        "9:1 LOCK",
                        "10:1 INSERT",
                        "11:1 UNLOCK",
                        "12:1 ALTER",
                        "13:1 ALTER",
                        "15:1 CREATE",
                        "20:1 DROP"),
                starts);
    }
}
