ALTER TABLE versions ADD CONSTRAINT versions_crate_num_key UNIQUE (crate_id, num);
