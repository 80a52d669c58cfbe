-- runs outside a transaction only because of its .sql.conf: Flyway refuses to mix the two kinds otherwise
CREATE INDEX CONCURRENTLY app_accounts_name_idx ON app_accounts (name);
ALTER TABLE app_accounts ADD COLUMN note text;
