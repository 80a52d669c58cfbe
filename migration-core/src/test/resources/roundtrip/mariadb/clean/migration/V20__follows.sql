CREATE TABLE follows (
    user_id bigint NOT NULL,
    crate_id int NOT NULL,
    PRIMARY KEY (user_id, crate_id),
    CONSTRAINT follows_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT follows_crate_fk FOREIGN KEY (crate_id) REFERENCES crates (id)
);
