ALTER TABLE accounts DROP COLUMN tenant;
