-- the legacy code is no longer read
ALTER TABLE users DROP COLUMN legacy_code;
