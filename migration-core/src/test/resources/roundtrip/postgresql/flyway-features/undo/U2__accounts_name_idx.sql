ALTER TABLE app_accounts DROP COLUMN note;
DROP INDEX app_accounts_name_idx;
