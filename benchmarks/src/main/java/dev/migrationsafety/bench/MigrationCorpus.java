package dev.migrationsafety.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic migration files: table creation with foreign keys, column additions, indexes, backfills,
 * multi-clause ALTERs, DO blocks, functions with bodies, comments and pg_dump-style headers, in the proportions
 * seen in real PostgreSQL and MySQL migration sets (mostly DDL, some data changes, a few procedural blocks).
 */
final class MigrationCorpus {
    /** One generated file. */
    record File(String name, String content, int statements) {}

    private MigrationCorpus() {}

    static List<File> postgres(int files, long seed) {
        Random r = new Random(seed);
        List<File> out = new ArrayList<>(files);
        for (int f = 0; f < files; f++) {
            StringBuilder sb = new StringBuilder();
            int n = 0;
            String table = "table_" + f;
            sb.append("-- Name: ").append(table).append("; Type: TABLE; Schema: public\n");
            sb.append("CREATE TABLE public.")
                    .append(table)
                    .append(" (\n    id bigserial PRIMARY KEY,\n")
                    .append("    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n")
                    .append("    name varchar(255) NOT NULL,\n    local boolean DEFAULT false,\n")
                    .append("    created_at timestamp with time zone DEFAULT now() NOT NULL,\n")
                    .append("    CONSTRAINT ")
                    .append(table)
                    .append("_name_uk UNIQUE (name)\n);\n\n");
            n++;
            sb.append("CREATE INDEX CONCURRENTLY idx_")
                    .append(table)
                    .append("_user ON public.")
                    .append(table)
                    .append(" (user_id);\n");
            n++;
            sb.append("ALTER TABLE ").append(table).append(" ADD COLUMN note text, ALTER COLUMN name SET NOT NULL;\n");
            n++;
            sb.append("COMMENT ON TABLE ")
                    .append(table)
                    .append(" IS 'created by migration ")
                    .append(f)
                    .append("; see docs';\n");
            n++;
            switch (r.nextInt(6)) {
                case 0 -> {
                    sb.append("UPDATE ")
                            .append(table)
                            .append(" SET local = true\nWHERE id IN (SELECT id FROM ")
                            .append(table)
                            .append(" WHERE created_at < now() - interval '1 day');\n");
                    n++;
                }
                case 1 -> {
                    sb.append("DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood_")
                            .append(f)
                            .append("') THEN\n    CREATE TYPE mood_")
                            .append(f)
                            .append(" AS ENUM ('sad', 'ok');\n  END IF;\nEND\n$$;\n");
                    n++;
                }
                case 2 -> {
                    sb.append("CREATE OR REPLACE FUNCTION touch_")
                            .append(f)
                            .append("() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  NEW.created_at := now();\n")
                            .append("  RETURN NEW;\nEND;\n$fn$;\n");
                    n++;
                }
                case 3 -> {
                    sb.append("ALTER TABLE ")
                            .append(table)
                            .append(" ADD CONSTRAINT ")
                            .append(table)
                            .append("_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n");
                    sb.append("ALTER TABLE ")
                            .append(table)
                            .append(" VALIDATE CONSTRAINT ")
                            .append(table)
                            .append("_fk;\n");
                    n += 2;
                }
                case 4 -> {
                    sb.append("INSERT INTO ").append(table).append(" (user_id, name) VALUES (1, 'a'), (2, 'b;c');\n");
                    sb.append("DELETE FROM ").append(table).append(" WHERE name = 'a';\n");
                    n += 2;
                }
                default -> {
                    sb.append("ALTER TABLE ").append(table).append(" ALTER COLUMN name TYPE text USING name::text;\n");
                    sb.append("DROP INDEX CONCURRENTLY IF EXISTS idx_old_")
                            .append(f)
                            .append(";\n");
                    n += 2;
                }
            }
            out.add(new File("V" + (1000 + f) + "__migration_" + f + ".sql", sb.toString(), n));
        }
        return out;
    }

    static List<File> mysql(int files, long seed) {
        Random r = new Random(seed);
        List<File> out = new ArrayList<>(files);
        for (int f = 0; f < files; f++) {
            StringBuilder sb = new StringBuilder();
            int n = 0;
            String table = "table_" + f;
            sb.append("# migration ").append(f).append("; generated\n");
            sb.append("CREATE TABLE `")
                    .append(table)
                    .append("` (\n  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n")
                    .append(
                            "  `user_id` bigint unsigned NOT NULL,\n  `name` varchar(191) COLLATE utf8mb4_unicode_ci NOT NULL,\n")
                    .append(
                            "  `created_at` timestamp NULL DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `idx_user` (`user_id`),\n")
                    .append("  CONSTRAINT `fk_")
                    .append(table)
                    .append("` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)")
                    .append(" ON DELETE CASCADE\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
            n++;
            sb.append("ALTER TABLE `")
                    .append(table)
                    .append("` ADD COLUMN `note` text AFTER `name`, ADD INDEX `idx_name` (`name`(20));\n");
            n++;
            sb.append("INSERT INTO `").append(table).append("` (`user_id`, `name`) VALUES (1, 'a'), (2, 'b;c');\n");
            n++;
            switch (r.nextInt(4)) {
                case 0 -> {
                    sb.append("ALTER TABLE `")
                            .append(table)
                            .append("` DROP FOREIGN KEY `fk_")
                            .append(table)
                            .append("`;\n");
                    n++;
                }
                case 1 -> {
                    sb.append("DELIMITER //\nCREATE PROCEDURE backfill_")
                            .append(f)
                            .append("() BEGIN\n  UPDATE `")
                            .append(table)
                            .append("` SET `note` = '' WHERE `note` IS NULL;\nEND //\nDELIMITER ;\n");
                    sb.append("CALL backfill_").append(f).append("();\n");
                    n += 2;
                }
                case 2 -> {
                    sb.append("ALTER TABLE `").append(table).append("` MODIFY `name` varchar(255) NOT NULL;\n");
                    n++;
                }
                default -> {
                    sb.append("DELETE FROM `")
                            .append(table)
                            .append("` WHERE `created_at` < NOW() - INTERVAL 1 YEAR;\n");
                    n++;
                }
            }
            out.add(new File("V" + (1000 + f) + "__migration_" + f + ".sql", sb.toString(), n));
        }
        return out;
    }

    static int statements(List<File> files) {
        return files.stream().mapToInt(File::statements).sum();
    }
}
