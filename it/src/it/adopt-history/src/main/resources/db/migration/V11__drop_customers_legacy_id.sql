-- the import from the old shop is finished
ALTER TABLE customers DROP COLUMN legacy_id;
