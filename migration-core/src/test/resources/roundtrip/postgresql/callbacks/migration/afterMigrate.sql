CREATE OR REPLACE VIEW audit_summary AS SELECT count(*) AS migrations FROM audit_log;
GRANT SELECT ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO PUBLIC;
