CREATE TABLE categories (
    slug varchar(64) NOT NULL PRIMARY KEY,
    `path` varchar(255) NOT NULL,
    description text
);
CREATE TABLE crates_categories (
    crate_id int NOT NULL,
    category varchar(64) NOT NULL,
    PRIMARY KEY (crate_id, category),
    CONSTRAINT cc_crate_fk FOREIGN KEY (crate_id) REFERENCES crates (id) ON DELETE CASCADE,
    CONSTRAINT cc_category_fk FOREIGN KEY (category) REFERENCES categories (slug)
);
