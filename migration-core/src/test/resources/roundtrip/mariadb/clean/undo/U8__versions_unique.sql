ALTER TABLE versions DROP INDEX versions_crate_num_key;
