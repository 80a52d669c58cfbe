ALTER TABLE crates ALTER COLUMN downloads RENAME TO download_count;
