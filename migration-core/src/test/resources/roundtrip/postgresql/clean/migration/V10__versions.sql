CREATE TABLE versions (
    id bigserial PRIMARY KEY,
    crate_id integer NOT NULL,
    num varchar(32) NOT NULL,
    yanked boolean NOT NULL DEFAULT false,
    CONSTRAINT versions_crate_fk FOREIGN KEY (crate_id) REFERENCES crates (id)
        ON UPDATE CASCADE ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED
);
