CREATE TABLE crates (
    id serial PRIMARY KEY,
    owner_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name text NOT NULL,
    downloads integer NOT NULL DEFAULT 0 CHECK (downloads >= 0)
);
