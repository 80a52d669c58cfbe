CREATE INDEX follows_crate_idx ON follows (user_id);
