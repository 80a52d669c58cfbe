CREATE TABLE versions (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    crate_id int NOT NULL,
    num varchar(32) NOT NULL,
    yanked tinyint(1) NOT NULL DEFAULT 0,
    CONSTRAINT versions_crate_fk FOREIGN KEY (crate_id) REFERENCES crates (id) ON UPDATE CASCADE ON DELETE RESTRICT
);
