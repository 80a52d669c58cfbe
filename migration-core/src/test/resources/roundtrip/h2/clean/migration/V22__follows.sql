CREATE TABLE follows (
    user_id bigint NOT NULL REFERENCES users (id),
    crate_id integer NOT NULL REFERENCES crates (id),
    CONSTRAINT follows_pkey PRIMARY KEY (user_id, crate_id)
);
