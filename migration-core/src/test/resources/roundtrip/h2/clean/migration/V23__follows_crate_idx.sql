CREATE INDEX follows_crate_idx ON follows (crate_id);
