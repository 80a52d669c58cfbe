CREATE TABLE ${prefix}_customer (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE flyway_seen AS SELECT '${flyway:user}'::text AS usr, '${flyway:database}'::text AS db, '${flyway:defaultSchema}'::text AS schema;
