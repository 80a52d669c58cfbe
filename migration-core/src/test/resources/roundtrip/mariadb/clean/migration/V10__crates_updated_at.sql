ALTER TABLE crates ADD COLUMN updated_at datetime NULL;
