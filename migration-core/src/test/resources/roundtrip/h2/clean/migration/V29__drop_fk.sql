ALTER TABLE versions DROP CONSTRAINT versions_crate_fk;
