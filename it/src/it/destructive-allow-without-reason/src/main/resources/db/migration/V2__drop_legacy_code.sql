-- migration:allow drop-column
ALTER TABLE users DROP COLUMN legacy_code;
