CREATE UNIQUE INDEX crates_name_idx ON crates (name);
