ALTER TABLE crates ALTER COLUMN download_count RENAME TO downloads;
