ALTER TABLE crates RENAME COLUMN download_count TO downloads;
