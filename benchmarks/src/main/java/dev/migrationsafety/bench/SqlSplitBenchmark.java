package dev.migrationsafety.bench;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SplitResult;
import dev.migrationsafety.sql.SqlSplitter;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lexing and splitting throughput in statements per second on a generated mix of realistic migration files
 * ({@value #STATEMENTS} statements per invocation, in files of {@value #PER_FILE}). {@code split} cuts the files
 * into statements; {@code splitAndTokens} also lexes every statement's tokens, as the analysis does.
 *
 * <p>Run: {@code benchmarks/run -f 1 -wi 3 -i 5 SqlSplitBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqlSplitBenchmark {
    static final int STATEMENTS = 2000;
    static final int PER_FILE = 10;

    @Param({"POSTGRESQL", "MYSQL"})
    public Dialect dialect;

    private SqlSplitter splitter;
    private List<String> files;

    @Setup
    public void generate() {
        splitter = new SqlSplitter(dialect);
        files = MigrationMix.files(dialect, STATEMENTS, PER_FILE);
        int count = 0;
        for (String file : files) {
            SplitResult result = splitter.split("V1__bench.sql", file);
            if (result.hasProblems()) {
                throw new IllegalStateException("generated SQL has problems: " + result.problems());
            }
            count += result.statements().size();
        }
        if (count != STATEMENTS) {
            throw new IllegalStateException("generated " + count + " statements, expected " + STATEMENTS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public void split(Blackhole bh) {
        for (String file : files) {
            bh.consume(splitter.split("V1__bench.sql", file));
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public void splitAndTokens(Blackhole bh) {
        for (String file : files) {
            for (SqlStatement statement : splitter.split("V1__bench.sql", file).statements()) {
                List<Token> tokens = statement.tokens();
                bh.consume(tokens);
            }
        }
    }

    /** Generates migration files with the constructs real projects use (see FACTS.md). */
    static final class MigrationMix {
        private static final String[] POSTGRESQL = {
            "CREATE TABLE public.account_%1$d (\n    id bigint NOT NULL,\n    email character varying(255) NOT NULL,\n"
                    + "    created_at timestamp with time zone DEFAULT now() NOT NULL,\n"
                    + "    CONSTRAINT account_%1$d_email_check CHECK ((email <> ''::text))\n)",
            "ALTER TABLE ONLY public.account_%1$d\n    ADD CONSTRAINT account_%1$d_pkey PRIMARY KEY (id)",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_account_%1$d_email ON public.account_%1$d"
                    + " USING btree (lower((email)::text))",
            "ALTER TABLE orders_%1$d ADD CONSTRAINT fk_orders_%1$d_account FOREIGN KEY (account_id)"
                    + " REFERENCES account_%1$d (id) NOT VALID",
            "ALTER TABLE orders_%1$d VALIDATE CONSTRAINT fk_orders_%1$d_account",
            "CREATE OR REPLACE FUNCTION touch_%1$d() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                    + "    NEW.updated_at := now();\n    RETURN NEW;\nEND;\n$$",
            "DO $$\nBEGIN\n    IF EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status_%1$d') THEN\n"
                    + "        ALTER TYPE status_%1$d ADD VALUE 'archived';\n    END IF;\nEND\n$$",
            "ALTER TABLE users_%1$d DROP COLUMN legacy_flag, ADD COLUMN \"locked\" boolean DEFAULT false NOT NULL",
            "ALTER TABLE users_%1$d ALTER COLUMN age SET DATA TYPE bigint USING age::bigint",
            "UPDATE users_%1$d SET status = 'active; migrated', note = E'it\\'s done' WHERE status IS NULL",
            "DELETE FROM sessions_%1$d\n\n\nWHERE expires_at < now() - interval '30 days'",
            "COMMENT ON COLUMN users_%1$d.\"path\" IS 'where; the user came from'",
            "INSERT INTO settings_%1$d (key, value) VALUES ('a', 'x'), ('b', 'y;z'), ('c', $v$raw$v$)",
            "ALTER SEQUENCE account_%1$d_id_seq RENAME TO account_%1$d_seq",
            "DROP INDEX CONCURRENTLY IF EXISTS idx_old_%1$d",
            "GRANT SELECT ON ${schema}.account_%1$d TO ${reader}",
        };

        private static final String[] MYSQL = {
            "CREATE TABLE `account_%1$d` (\n  `id` bigint NOT NULL AUTO_INCREMENT,\n"
                    + "  `email` varchar(255) NOT NULL,\n  `read` tinyint(1) DEFAULT '0',\n  PRIMARY KEY (`id`),\n"
                    + "  UNIQUE KEY `uk_email_%1$d` (`email`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
            "ALTER TABLE `orders_%1$d` DROP FOREIGN KEY `fk_orders_%1$d`",
            "ALTER TABLE orders_%1$d ADD (CONSTRAINT fk_o_%1$d FOREIGN KEY (account_id) REFERENCES account_%1$d (id))",
            "ALTER TABLE users_%1$d DROP COLUMN legacy, ADD COLUMN `action` varchar(20) NULL AFTER id",
            "UPDATE users_%1$d SET note = 'it\\'s; fine', name = \"say \\\"hi\\\"\" WHERE id > 10",
            "INSERT INTO settings_%1$d (k, v) VALUES ('a', 'x;y'), ('b', '#not a comment')",
            "CREATE INDEX idx_users_%1$d_email ON users_%1$d (email(100))",
            "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */",
            "LOCK TABLES `account_%1$d` WRITE",
            "UNLOCK TABLES",
            "DELETE FROM sessions_%1$d WHERE expires_at < NOW() - INTERVAL 30 DAY",
            "RENAME TABLE old_%1$d TO new_%1$d",
        };

        private static final String MYSQL_PROCEDURE = "DELIMITER //\n"
                + "CREATE PROCEDURE cleanup_%1$d()\nBEGIN\n  DECLARE n INT DEFAULT 0;\n"
                + "  DELETE FROM sessions_%1$d WHERE expired = 1;\n  IF n > 0 THEN\n    SET n = n - 1;\n  END IF;\n"
                + "END //\nDELIMITER ;\n";

        static List<String> files(Dialect dialect, int statements, int perFile) {
            String[] templates = dialect == Dialect.MYSQL ? MYSQL : POSTGRESQL;
            List<String> files = new ArrayList<>();
            int made = 0;
            int n = 0;
            while (made < statements) {
                StringBuilder file = new StringBuilder();
                int inFile = Math.min(perFile, statements - made);
                if (dialect == Dialect.MYSQL) {
                    file.append("# migration ").append(files.size()).append("; generated\n");
                } else {
                    file.append("--\n-- Name: account_")
                            .append(files.size())
                            .append("; Type: TABLE; Schema: public\n--\n\n");
                }
                for (int i = 0; i < inFile; i++, n++) {
                    if (dialect == Dialect.MYSQL && i == inFile - 1 && files.size() % 2 == 0) {
                        file.append(String.format(MYSQL_PROCEDURE, n));
                    } else {
                        if (i % 3 == 0) {
                            file.append("-- step ").append(i).append(": keep; in order\n");
                        }
                        file.append(String.format(templates[n % templates.length], n))
                                .append(";\n\n");
                    }
                }
                made += inFile;
                files.add(file.toString());
            }
            return files;
        }
    }
}
