CREATE OR REPLACE VIEW audit_summary AS SELECT COUNT(*) AS migrations FROM audit_log;
