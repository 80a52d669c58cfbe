DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'tmp_import') THEN
        -- leftover from the import job; safe to remove
        EXECUTE 'SELECT 1';
        DROP TABLE tmp_import;
    END IF;
END
$$;
UPDATE account SET owner_email = lower(owner_email) WHERE owner_email <> lower(owner_email);
