CREATE TABLE audit (id integer PRIMARY KEY);
DO $$ BEGIN RAISE WARNING 'audit table created by Xyzzy-pw-4471'; END $$;
DO $$ BEGIN RAISE NOTICE 'just a notice'; END $$;
