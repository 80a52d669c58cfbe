CREATE INDEX versions_live_idx ON versions (crate_id) WHERE NOT yanked;
