DROP INDEX follows_crate_idx ON follows;
