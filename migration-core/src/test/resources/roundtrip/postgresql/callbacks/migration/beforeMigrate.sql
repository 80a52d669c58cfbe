CREATE TABLE IF NOT EXISTS audit_log (at timestamptz NOT NULL DEFAULT now(), what text NOT NULL);
