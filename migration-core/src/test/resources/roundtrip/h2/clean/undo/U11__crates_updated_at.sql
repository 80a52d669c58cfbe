ALTER TABLE crates DROP COLUMN updated_at;
