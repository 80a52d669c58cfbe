INSERT INTO feature_flag (name, enabled) VALUES ('it''s; fine', true), (E'line\n; two', false);
COMMENT ON TABLE feature_flag IS 'Flags; one row per flag -- not a comment';
UPDATE feature_flag SET enabled = false;
