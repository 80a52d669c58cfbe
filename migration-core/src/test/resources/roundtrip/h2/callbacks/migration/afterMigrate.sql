CREATE TABLE IF NOT EXISTS audit_summary (migrations INT);
