CREATE TABLE categories (
    slug varchar(64) PRIMARY KEY,
    "path" varchar(255) NOT NULL,
    description varchar(1000)
);
CREATE TABLE crates_categories (
    crate_id integer NOT NULL REFERENCES crates (id) ON DELETE CASCADE,
    category varchar(64) NOT NULL REFERENCES categories (slug),
    PRIMARY KEY (crate_id, category)
);
