-- migration:allow drop-column reason="unused since 2.3; values archived in V1_9 to legacy_codes_archive"
ALTER TABLE users DROP COLUMN legacy_code;
