ALTER TABLE versions DROP CONSTRAINT versions_crate_num_key;
