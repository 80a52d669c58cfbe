ALTER TABLE crates RENAME COLUMN downloads TO download_count;
