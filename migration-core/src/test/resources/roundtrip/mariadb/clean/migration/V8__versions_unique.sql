ALTER TABLE versions ADD CONSTRAINT versions_crate_num_key UNIQUE (num, crate_id);
