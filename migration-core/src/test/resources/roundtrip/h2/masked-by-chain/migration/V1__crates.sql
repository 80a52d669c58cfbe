CREATE TABLE crates (id integer PRIMARY KEY, name varchar(100) NOT NULL);
CREATE INDEX crates_name_idx ON crates (name);
