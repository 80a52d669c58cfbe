CREATE TABLE categories (
    slug text PRIMARY KEY,
    "path" text NOT NULL,
    description text
);
CREATE TABLE crates_categories (
    crate_id integer NOT NULL REFERENCES crates (id) ON DELETE CASCADE,
    category text NOT NULL REFERENCES categories (slug),
    PRIMARY KEY (crate_id, category)
);
