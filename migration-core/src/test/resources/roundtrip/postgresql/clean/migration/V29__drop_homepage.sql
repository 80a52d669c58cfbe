ALTER TABLE crates DROP COLUMN homepage;
