-- the down sees the same built-in placeholder values as the up
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM flyway_seen
                   WHERE usr = '${flyway:user}' AND db = '${flyway:database}' AND schema = '${flyway:defaultSchema}') THEN
        RAISE EXCEPTION 'placeholders differ from the up: % % %', '${flyway:user}', '${flyway:database}', '${flyway:defaultSchema}';
    END IF;
END
$$;
DROP TABLE flyway_seen;
DROP TABLE ${flyway:defaultSchema}.${prefix}_customer;
